package dev.lade.runner.user;

/** A USER names a user or group the image does not have; the message is runc's. */
public final class UnknownUserException extends Exception {

  public UnknownUserException(String message) {
    super(message);
  }
}
