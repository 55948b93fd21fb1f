package dev.lade.oci.digest;

import java.io.InputStream;

/**
 * Hashes the bytes read through it and counts them. Once the stream has been read to the end,
 * {@link #digest()} and {@link #size()} describe all of its content. Mark and reset are not
 * supported, since re-read bytes would be hashed twice.
 */
public final class DigestingInputStream extends HashingFilterInputStream {
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
  protected void bytesRead(byte[] buffer, int offset, int length) {
    running.update(buffer, offset, length);
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
