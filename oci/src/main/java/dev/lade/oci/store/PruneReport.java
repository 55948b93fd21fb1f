package dev.lade.oci.store;

import java.util.List;

/**
 * What a prune removed.
 *
 * @param deleted the blobs deleted
 */
public record PruneReport(List<Blob> deleted) {
  public PruneReport {
    deleted = List.copyOf(deleted);
  }

  /** The bytes freed. */
  public long reclaimed() {
    return deleted.stream().mapToLong(Blob::size).sum();
  }
}
