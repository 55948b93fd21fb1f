package dev.lade.oci.json;

/** A JSON document whose field at {@link #path()} is missing, of the wrong type, or invalid. */
public final class JsonFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String path;
  private final String reason;

  JsonFieldException(String path, String reason) {
    super(path.isEmpty() ? reason : path + ": " + reason);
    this.path = path;
    this.reason = reason;
  }

  /** Where the problem is, such as {@code layers[1].digest}; empty for the document itself. */
  public String path() {
    return path;
  }

  /** What is wrong, without the path. */
  public String reason() {
    return reason;
  }
}
