package dev.lade.oci.store;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Mark and sweep over a blob store: keeps what the roots reach, deletes the rest. */
final class GarbageCollector {
  private GarbageCollector() {}

  /**
   * Deletes the blobs of {@code blobs} that {@code roots} do not reach. The caller holds the locks
   * that keep writers and reference updates out.
   */
  static PruneReport collect(BlobStore blobs, List<Descriptor> roots) throws IOException {
    ImageGraph.Reachable reachable = ImageGraph.walk(blobs, roots);
    if (!reachable.unreadable().isEmpty()) {
      // Without a manifest's children we cannot tell garbage from content it needs.
      var first = reachable.unreadable().entrySet().iterator().next();
      throw new CorruptStoreException("blob " + first.getKey(), "cannot prune: " + first.getValue(), null);
    }
    Set<Digest> keep = reachable.present().keySet();
    List<Blob> deleted = new ArrayList<>();
    for (Digest digest : blobs.list()) {
      if (keep.contains(digest)) continue;
      long size = blobs.size(digest);
      if (blobs.delete(digest)) deleted.add(new Blob(digest, size));
    }
    return new PruneReport(deleted);
  }
}
