package dev.lade.dockerfile.value;

/**
 * A value that does not parse: says what kind of value, the input, and why, in one line. The
 * wording follows BuildKit's (and Go's) own messages where they exist.
 */
public class InvalidValueException extends IllegalArgumentException {
  private final String input;

  public InvalidValueException(String message, String input) {
    super(message);
    this.input = input;
  }

  /** The text that was rejected. */
  public String input() { return input; }
}
