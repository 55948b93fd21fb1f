package dev.lade.registry.blob;

import dev.lade.oci.digest.Digest;

/**
 * A blob stream that checks its own content: the read that reaches its end throws unless the bytes
 * read match {@link #digest()} and {@link #size()}. A store may take such a stream in without
 * hashing it a second time ({@link dev.lade.oci.store.BlobStore#writeVerified}).
 */
public interface SelfVerifying {
  /** The digest the bytes must have. */
  Digest digest();

  /** The number of bytes there must be. */
  long size();
}
