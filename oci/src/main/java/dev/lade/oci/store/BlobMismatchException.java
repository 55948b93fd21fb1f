package dev.lade.oci.store;

import dev.lade.oci.digest.Digest;
import java.io.IOException;

/**
 * Content written to the store did not have the digest or size it was announced with. Nothing was
 * stored.
 */
public final class BlobMismatchException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Digest expected;
  private final transient Digest actual;
  private final long expectedSize;
  private final long actualSize;

  /**
   * @param actual the digest of the content, or null if it was not computed (writing stopped early
   *     because the content was longer than expected, or the content verified itself)
   */
  public BlobMismatchException(Digest expected, long expectedSize, Digest actual, long actualSize) {
    super(message(expected, expectedSize, actual, actualSize));
    this.expected = expected;
    this.actual = actual;
    this.expectedSize = expectedSize;
    this.actualSize = actualSize;
  }

  private static String message(Digest expected, long expectedSize, Digest actual, long actualSize) {
    String name = expected == null ? "blob" : "blob " + expected;
    if (expectedSize >= 0 && actualSize != expectedSize) {
      String got = actual == null && actualSize > expectedSize ? "more than " + expectedSize : String.valueOf(actualSize);
      return name + ": size mismatch: expected " + expectedSize + " bytes, got " + got;
    }
    return name + ": digest mismatch: content has digest " + actual;
  }

  /** The announced digest, or null if only the size was announced. */
  public Digest expected() {
    return expected;
  }

  /** The content's digest, or null if writing stopped early. */
  public Digest actual() {
    return actual;
  }

  /** The announced size, or -1. */
  public long expectedSize() {
    return expectedSize;
  }

  /** The bytes received (at least, if writing stopped early). */
  public long actualSize() {
    return actualSize;
  }
}
