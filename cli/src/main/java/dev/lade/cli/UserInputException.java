package dev.lade.cli;

/** An error in what the user gave lade (a file, a flag value); exits 2. */
public class UserInputException extends RuntimeException {
  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
