package dev.lade.oci.archive;

/** An archive or tarball the user gave is malformed, incomplete or does not match its digests. */
public final class InvalidArchiveException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidArchiveException(String archive, String reason) {
    super("invalid archive " + archive + ": " + reason);
  }

  public InvalidArchiveException(String archive, String reason, Throwable cause) {
    super("invalid archive " + archive + ": " + reason, cause);
  }
}
