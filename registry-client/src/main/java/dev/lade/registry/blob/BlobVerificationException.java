package dev.lade.registry.blob;

import dev.lade.oci.digest.Digest;
import java.io.IOException;

/**
 * A blob's content did not match its descriptor: another digest, or more or fewer bytes. The blob
 * must not be used.
 */
public final class BlobVerificationException extends IOException {
  private static final long serialVersionUID = 1L;
  private final Digest expected;

  public BlobVerificationException(Digest expected, String problem) {
    super("blob " + expected + ": " + problem);
    this.expected = expected;
  }

  /** The digest the content should have had. */
  public Digest expected() {
    return expected;
  }
}
