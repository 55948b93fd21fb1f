package dev.lade.oci.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:6c3c624b...}: an algorithm and the lowercase hex encoding
 * of the hash. Only the algorithms of {@link DigestAlgorithm} are accepted, and the hex part must
 * have exactly the algorithm's length, as the OCI image specification requires.
 */
public record Digest(DigestAlgorithm algorithm, String hex) implements Comparable<Digest> {
  // The general grammar of go-digest, used to tell "unsupported" from "malformed".
  private static final Pattern GRAMMAR =
      Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");

  /** Validates the parts; use {@link #parse} for strings. */
  public Digest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
    String problem = hexProblem(algorithm, hex);
    if (problem != null) throw new InvalidDigestException(problem + " in \"" + algorithm + ":" + hex + "\"");
  }

  /**
   * Parses {@code algorithm:hex}. Errors mirror go-digest's checks, in the same order: the format,
   * then whether the algorithm is supported, then the length, then the hex characters.
   *
   * @throws InvalidDigestException if {@code value} is not a valid, supported digest
   */
  public static Digest parse(String value) {
    Objects.requireNonNull(value, "value");
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new InvalidDigestException(
          "invalid checksum digest format: expected algorithm:hex, got \"" + value + "\"");
    }
    String id = value.substring(0, colon);
    DigestAlgorithm algorithm = DigestAlgorithm.fromId(id).orElse(null);
    if (algorithm == null) {
      if (!GRAMMAR.matcher(value).matches()) {
        throw new InvalidDigestException("invalid checksum digest format: \"" + value + "\"");
      }
      throw new InvalidDigestException(
          "unsupported digest algorithm: \"" + id + "\" (use sha256 or sha512)");
    }
    return new Digest(algorithm, value.substring(colon + 1));
  }

  /** The SHA-256 digest of {@code bytes}. */
  public static Digest sha256(byte[] bytes) {
    return of(DigestAlgorithm.SHA256, bytes);
  }

  /** The digest of {@code bytes} with {@code algorithm}. */
  public static Digest of(DigestAlgorithm algorithm, byte[] bytes) {
    return fromHash(algorithm, algorithm.newMessageDigest().digest(bytes));
  }

  /** The SHA-256 digest of everything {@code in} yields; reads to the end but does not close. */
  public static Digest sha256(InputStream in) throws IOException {
    DigestingInputStream digesting = new DigestingInputStream(in, DigestAlgorithm.SHA256);
    digesting.transferTo(OutputStream.nullOutputStream());
    return digesting.digest();
  }

  static Digest fromHash(DigestAlgorithm algorithm, byte[] hash) {
    return new Digest(algorithm, HexFormat.of().formatHex(hash));
  }

  /** The raw hash bytes. */
  public byte[] hash() {
    return HexFormat.of().parseHex(hex);
  }

  // Written out: a record's generated equals and hashCode link through ObjectMethods' bootstrap at first use,
  // which spins classes at run time that no start-up cache holds (every command that reads the store compares digests).
  @Override
  public boolean equals(Object other) {
    return other instanceof Digest digest && algorithm == digest.algorithm && hex.equals(digest.hex);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + hex.hashCode();
  }

  @Override
  public int compareTo(Digest other) {
    return toString().compareTo(other.toString());
  }

  /** The digest string, {@code algorithm:hex}. */
  @Override
  public String toString() {
    return algorithm.id() + ":" + hex;
  }

  private static String hexProblem(DigestAlgorithm algorithm, String hex) {
    if (hex.length() != algorithm.hexLength()) {
      return "invalid checksum digest length: "
          + algorithm
          + " needs "
          + algorithm.hexLength()
          + " hex characters, got "
          + hex.length();
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return "invalid checksum digest format: " + algorithm + " needs lowercase hex";
      }
    }
    return null;
  }
}
