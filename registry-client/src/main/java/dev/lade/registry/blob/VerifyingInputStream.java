package dev.lade.registry.blob;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.digest.HashingFilterInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Passes a blob's bytes through while hashing them, and at the end checks the digest and size
 * against the descriptor: a mismatch throws {@link BlobVerificationException} from the read that
 * reached the end, so a consumer that reads to EOF never takes in a bad blob unknowingly. Too many
 * bytes fail as soon as they arrive.
 */
public final class VerifyingInputStream extends HashingFilterInputStream implements SelfVerifying {
  private final Digest expected;
  private final long expectedSize;
  private final MessageDigest hasher;
  private long count;
  private boolean verified;

  /** Verifies {@code in} as the whole blob {@code expected} of {@code expectedSize} bytes. */
  public VerifyingInputStream(InputStream in, Digest expected, long expectedSize) {
    this(in, expected, expectedSize, expected.algorithm().newMessageDigest(), 0);
  }

  /**
   * Verifies {@code in} as the rest of the blob after {@code offset} bytes that {@code prefixHash}
   * has already taken in (to resume a download).
   */
  public VerifyingInputStream(
      InputStream in, Digest expected, long expectedSize, MessageDigest prefixHash, long offset) {
    super(in);
    if (expectedSize < 0) throw new IllegalArgumentException("blob size must be known to verify it");
    this.expected = expected;
    this.expectedSize = expectedSize;
    this.hasher = prefixHash;
    this.count = offset;
  }

  @Override
  protected void bytesRead(byte[] buffer, int offset, int length) throws BlobVerificationException {
    hasher.update(buffer, offset, length);
    counted(length);
  }

  @Override
  protected void endReached() throws BlobVerificationException {
    verify();
  }

  @Override
  public Digest digest() {
    return expected;
  }

  @Override
  public long size() {
    return expectedSize;
  }

  /** Whether the whole blob was read and matched. */
  public boolean verified() {
    return verified;
  }

  /** The bytes read so far, any prefix included. */
  public long count() {
    return count;
  }

  private void counted(int n) throws BlobVerificationException {
    count += n;
    if (count > expectedSize) {
      throw new BlobVerificationException(expected, "more than the expected " + expectedSize + " bytes");
    }
  }

  private void verify() throws BlobVerificationException {
    if (verified) return;
    if (count != expectedSize) {
      throw new BlobVerificationException(expected, "got " + count + " bytes, expected " + expectedSize);
    }
    String actual = HexFormat.of().formatHex(finish());
    if (!actual.equals(expected.hex())) {
      throw new BlobVerificationException(expected, "content has digest " + expected.algorithm() + ":" + actual);
    }
    verified = true;
  }

  private byte[] finish() {
    try {
      // A copy, so that a repeated read at EOF sees the same result.
      return ((MessageDigest) hasher.clone()).digest();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(hasher.getAlgorithm() + " cannot be cloned", e);
    }
  }
}
