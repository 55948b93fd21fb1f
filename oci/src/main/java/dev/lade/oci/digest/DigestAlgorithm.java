package dev.lade.oci.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/** The digest algorithms registered by the OCI image specification. */
public enum DigestAlgorithm {
  SHA256("sha256", "SHA-256", 32),
  SHA512("sha512", "SHA-512", 64);

  private final String id;
  private final String jcaName;
  private final int size;

  DigestAlgorithm(String id, String jcaName, int size) {
    this.id = id;
    this.jcaName = jcaName;
    this.size = size;
  }

  /** The identifier used in digest strings, such as {@code sha256}. */
  public String id() {
    return id;
  }

  /** The number of hex characters in an encoded digest of this algorithm. */
  public int hexLength() {
    return size * 2;
  }

  /** A fresh hasher for this algorithm. */
  public MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + jcaName, e);
    }
  }

  /** The algorithm with the given identifier, if it is registered. */
  public static Optional<DigestAlgorithm> fromId(String id) {
    for (DigestAlgorithm algorithm : values()) {
      if (algorithm.id.equals(id)) return Optional.of(algorithm);
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
