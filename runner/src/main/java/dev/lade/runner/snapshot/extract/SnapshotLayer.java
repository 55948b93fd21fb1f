package dev.lade.runner.snapshot.extract;

import dev.lade.oci.digest.Digest;
import java.util.Objects;

/**
 * A layer of an image as snapshots need it: {@code diffId} from the image config's {@code
 * rootfs.diff_ids}, and the digest of the (possibly compressed) {@code blob} in the store.
 */
public record SnapshotLayer(Digest diffId, Digest blob) {
  public SnapshotLayer {
    Objects.requireNonNull(diffId, "diffId");
    Objects.requireNonNull(blob, "blob");
  }
}
