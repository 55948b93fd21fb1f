package dev.lade.oci.store;

import dev.lade.oci.digest.Digest;
import java.io.IOException;

/** A blob the store was asked for is not there. */
public final class BlobNotFoundException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Digest digest;

  public BlobNotFoundException(Digest digest) {
    super("blob " + digest + " not found in the store");
    this.digest = digest;
  }

  /** The missing blob. */
  public Digest digest() {
    return digest;
  }
}
