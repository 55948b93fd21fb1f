package dev.lade.oci.store;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a blob whose digest is known only once it is written, hashing it on the way, as a layer
 * writer hashes the blob in the same pass that compresses it. See {@link BlobStore#write(BlobProducer)}.
 */
@FunctionalInterface
public interface BlobProducer {
  /**
   * Writes the blob's bytes to {@code out} (without closing it) and returns the digest and size of
   * exactly those bytes.
   */
  Blob writeTo(OutputStream out) throws IOException;
}
