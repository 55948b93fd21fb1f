package dev.lade.oci.digest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Hashes the bytes read through it and counts them. Once the stream has been read to the end,
 * {@link #digest()} and {@link #size()} describe all of its content. Mark and reset are not
 * supported, since re-read bytes would be hashed twice.
 */
public final class DigestingInputStream extends FilterInputStream {
  private final RunningDigest running;

  /** Hashes {@code in} with SHA-256. */
  public DigestingInputStream(InputStream in) {
    this(in, DigestAlgorithm.SHA256);
  }

  public DigestingInputStream(InputStream in, DigestAlgorithm algorithm) {
    super(in);
    this.running = new RunningDigest(algorithm);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) running.update((byte) b);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) running.update(buffer, offset, n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must still be hashed, so read them.
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) break;
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported while digesting");
  }

  /** The digest of the bytes read so far. */
  public Digest digest() {
    return running.digest();
  }

  /** The number of bytes read so far. */
  public long size() {
    return running.size();
  }
}
