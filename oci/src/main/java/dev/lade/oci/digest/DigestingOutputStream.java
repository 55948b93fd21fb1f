package dev.lade.oci.digest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Hashes the bytes written through it and counts them, so content can be stored and digested in a
 * single pass. {@link #digest()} and {@link #size()} describe everything written so far.
 */
public final class DigestingOutputStream extends FilterOutputStream {
  private final RunningDigest running;

  /** Hashes with SHA-256 what is written to {@code out}. */
  public DigestingOutputStream(OutputStream out) {
    this(out, DigestAlgorithm.SHA256);
  }

  public DigestingOutputStream(OutputStream out, DigestAlgorithm algorithm) {
    super(out);
    this.running = new RunningDigest(algorithm);
  }

  /** A stream that only hashes and counts, writing nowhere. */
  public static DigestingOutputStream discarding() {
    return new DigestingOutputStream(OutputStream.nullOutputStream());
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    running.update((byte) b);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    out.write(buffer, offset, length);
    running.update(buffer, offset, length);
  }

  /** The digest of the bytes written so far. */
  public Digest digest() {
    return running.digest();
  }

  /** The number of bytes written so far. */
  public long size() {
    return running.size();
  }
}
