package dev.lade.oci.digest;

/**
 * A string that is not a valid digest. The message starts like the errors of Go's
 * {@code opencontainers/go-digest} (for example {@code invalid checksum digest length}), then says
 * why.
 */
public final class InvalidDigestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidDigestException(String message) {
    super(message);
  }
}
