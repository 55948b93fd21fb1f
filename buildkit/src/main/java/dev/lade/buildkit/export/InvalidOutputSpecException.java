package dev.lade.buildkit.export;

/** An {@code -o} value that is not a valid output spec; the message is one line. */
public class InvalidOutputSpecException extends IllegalArgumentException {
  public InvalidOutputSpecException(String spec, String reason) {
    super("invalid output spec \"" + spec + "\": " + reason);
  }
}
