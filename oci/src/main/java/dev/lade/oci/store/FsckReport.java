package dev.lade.oci.store;

import dev.lade.oci.digest.Digest;
import java.util.List;
import java.util.Objects;

/**
 * What a store check found.
 *
 * @param blobsChecked how many blobs were re-hashed
 * @param problems what is wrong, in blob order then reference order
 */
public record FsckReport(int blobsChecked, List<Problem> problems) {
  public FsckReport {
    problems = List.copyOf(problems);
  }

  /** Whether the store is sound. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** The kinds of damage. */
  public enum Kind {
    /** The blob's content does not hash to its name. */
    CORRUPT,
    /** A reference needs the blob and it is not there. */
    MISSING,
    /** The blob's size differs from what a descriptor says. */
    WRONG_SIZE,
    /** A manifest or index cannot be parsed. */
    UNREADABLE
  }

  /**
   * One damaged blob.
   *
   * @param kind what is wrong
   * @param digest the blob
   * @param detail one line of explanation
   */
  public record Problem(Kind kind, Digest digest, String detail) {
    public Problem {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
      return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + digest + ": " + detail;
    }
  }
}
