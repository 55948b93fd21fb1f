package dev.lade.oci.reference;

/**
 * A string that is not a valid image reference. Messages are those of Go's distribution/reference,
 * prefixed with {@code invalid reference format} where it has no such prefix, for example {@code
 * invalid reference format: repository name must be lowercase}.
 */
public final class InvalidReferenceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String input;

  InvalidReferenceException(String input, String message) {
    super(message);
    this.input = input;
  }

  /** The string that failed to parse. */
  public String input() {
    return input;
  }
}
