package dev.lade.runner.container;

/** A container cannot be made as asked: bad option, no command, unknown user. Docker answers these with 125. */
public final class InvalidContainerException extends Exception {

  public InvalidContainerException(String message) {
    super(message);
  }
}
