package dev.lade.runner.snapshot.extract;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.Manifest;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * The chain of an image, bottom layer first: the manifest's layer blobs paired with the config's
   * diff IDs.
   *
   * @throws IllegalArgumentException if they differ in number
   */
  public static List<SnapshotLayer> chainOf(Manifest manifest, ImageConfig config) {
    List<Descriptor> blobs = manifest.layers();
    List<Digest> diffIds = config.rootfs().diffIds();
    if (blobs.size() != diffIds.size()) {
      throw new IllegalArgumentException("the manifest lists " + blobs.size() + " layers but the config "
          + diffIds.size() + " diff IDs");
    }
    List<SnapshotLayer> chain = new ArrayList<>();
    for (int i = 0; i < blobs.size(); i++) chain.add(new SnapshotLayer(diffIds.get(i), blobs.get(i).digest()));
    return chain;
  }
}
