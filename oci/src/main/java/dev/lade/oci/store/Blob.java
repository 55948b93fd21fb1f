package dev.lade.oci.store;

import dev.lade.oci.digest.Digest;
import java.util.Objects;

/**
 * A blob in a {@link BlobStore}: its digest and size.
 *
 * @param digest the digest of the content
 * @param size the number of bytes
 */
public record Blob(Digest digest, long size) {
  public Blob {
    Objects.requireNonNull(digest, "digest");
    if (size < 0) throw new IllegalArgumentException("size must not be negative: " + size);
  }
}
