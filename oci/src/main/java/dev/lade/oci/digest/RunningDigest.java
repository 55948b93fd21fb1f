package dev.lade.oci.digest;

import java.security.MessageDigest;

/** A hash being computed over a stream, with the count of bytes seen. */
final class RunningDigest {
  private final DigestAlgorithm algorithm;
  private final MessageDigest hasher;
  private long size;

  RunningDigest(DigestAlgorithm algorithm) {
    this.algorithm = algorithm;
    this.hasher = algorithm.newMessageDigest();
  }

  void update(byte b) {
    hasher.update(b);
    size++;
  }

  void update(byte[] buffer, int offset, int length) {
    hasher.update(buffer, offset, length);
    size += length;
  }

  /** The digest of the bytes seen so far; the hash goes on. */
  Digest digest() {
    try {
      return Digest.fromHash(algorithm, ((MessageDigest) hasher.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(algorithm + " hasher cannot be cloned", e);
    }
  }

  long size() {
    return size;
  }
}
