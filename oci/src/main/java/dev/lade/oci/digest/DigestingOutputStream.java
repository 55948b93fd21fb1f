package dev.lade.oci.digest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Hashes the bytes written through it and counts them, so content can be stored and digested in a
 * single pass. {@link #digest()} and {@link #size()} describe everything written so far.
 */
public final class DigestingOutputStream extends FilterOutputStream {
  private final DigestAlgorithm algorithm;
  private final MessageDigest hasher;
  private long size;

  /** Hashes with SHA-256 what is written to {@code out}. */
  public DigestingOutputStream(OutputStream out) {
    this(out, DigestAlgorithm.SHA256);
  }

  public DigestingOutputStream(OutputStream out, DigestAlgorithm algorithm) {
    super(out);
    this.algorithm = algorithm;
    this.hasher = algorithm.newMessageDigest();
  }

  /** A stream that only hashes and counts, writing nowhere. */
  public static DigestingOutputStream discarding() {
    return new DigestingOutputStream(OutputStream.nullOutputStream());
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    hasher.update((byte) b);
    size++;
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    out.write(buffer, offset, length);
    hasher.update(buffer, offset, length);
    size += length;
  }

  /** The digest of the bytes written so far. */
  public Digest digest() {
    return Digest.ofRunningHash(algorithm, hasher);
  }

  /** The number of bytes written so far. */
  public long size() {
    return size;
  }
}
