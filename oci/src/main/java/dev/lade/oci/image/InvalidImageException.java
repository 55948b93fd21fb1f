package dev.lade.oci.image;

/**
 * A manifest, index, config or descriptor that is malformed or breaks the OCI rules. The message is
 * one line naming the document and the field, such as {@code invalid image manifest:
 * layers[1].digest: invalid checksum digest length: ...}.
 */
public final class InvalidImageException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String document;
  private final String field;
  private final String reason;

  InvalidImageException(String document, String field, String reason) {
    super("invalid " + document + ": " + (field.isEmpty() ? "" : field + ": ") + reason);
    this.document = document;
    this.field = field;
    this.reason = reason;
  }

  /** The kind of document, such as {@code image manifest}. */
  public String document() {
    return document;
  }

  /** The path of the offending field, such as {@code config.digest}; empty for the whole document. */
  public String field() {
    return field;
  }

  /** What is wrong. */
  public String reason() {
    return reason;
  }
}
