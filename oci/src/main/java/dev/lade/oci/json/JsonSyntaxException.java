package dev.lade.oci.json;

/** Bytes that are not one well-formed JSON value. */
public final class JsonSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  JsonSyntaxException(String message, Throwable cause) {
    super(message, cause);
  }
}
