package dev.lade.oci.store;

import dev.lade.oci.digest.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Content-addressed blobs: layers, configs, manifests and indexes, each named by its digest. */
public interface BlobStore {
  /** Whether the blob is present. */
  boolean has(Digest digest) throws IOException;

  /**
   * Opens the blob for reading.
   *
   * @throws BlobNotFoundException if it is not present
   */
  InputStream open(Digest digest) throws IOException;

  /**
   * The blob's size in bytes.
   *
   * @throws BlobNotFoundException if it is not present
   */
  long size(Digest digest) throws IOException;

  /**
   * Streams {@code content} into the store, hashing it as it is written, and makes it visible
   * atomically under its digest. The stream is read to its end but not closed, except when the
   * blob is already present under {@code expected} (with the expected size): then it is not read
   * at all. Writing the same blob twice, even concurrently, is harmless.
   *
   * @param expected the digest the content must have, or null to accept any (SHA-256 then)
   * @param expectedSize the size the content must have, or -1 if unknown
   * @throws BlobMismatchException if the content's digest or size differ; nothing is stored
   */
  Blob write(InputStream content, Digest expected, long expectedSize) throws IOException;

  /**
   * Stores {@code content} as blob {@code digest} of {@code size} bytes without hashing it again:
   * the stream must verify itself, throwing an {@code IOException} from the read that reaches its
   * end unless its bytes match {@code digest} and {@code size}, as a verifying download does. The
   * store still counts the bytes, and the write is as atomic and crash-safe as {@link #write}; if
   * the stream throws, nothing is stored. The stream is read to its end but not closed, unless the
   * blob is already present.
   */
  default Blob writeVerified(InputStream content, Digest digest, long size) throws IOException {
    return write(content, digest, size);
  }

  /**
   * Stores what {@code producer} writes under the digest it reports, without hashing it again: the
   * producer has hashed what it wrote. The store counts the bytes and refuses a size other than the
   * reported one; the write is as atomic and crash-safe as {@link #write}, and if the producer
   * throws, nothing is stored.
   *
   * @throws BlobMismatchException if the producer wrote another number of bytes than it reports
   */
  Blob write(BlobProducer producer) throws IOException;

  /** Stores {@code content} under its SHA-256 digest. */
  default Blob write(byte[] content) throws IOException {
    return write(new ByteArrayInputStream(content), null, content.length);
  }

  /** Removes the blob if present; returns whether it was. */
  boolean delete(Digest digest) throws IOException;

  /** The digests of all blobs, sorted. */
  List<Digest> list() throws IOException;
}
