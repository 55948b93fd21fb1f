package dev.lade.runner.lifecycle;

/** A container operation that cannot be done: unknown container, name in use, not running. One line. */
public final class ContainerException extends Exception {

  public ContainerException(String message) {
    super(message);
  }

  public ContainerException(String message, Throwable cause) {
    super(message, cause);
  }
}
