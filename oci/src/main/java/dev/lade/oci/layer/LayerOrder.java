package dev.lade.oci.layer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order of entries in a layer: containerd's differ walks the tree lexically, parents before
 * children, and writes each change where it meets it; a whiteout sits where the deleted path was,
 * and an opaque marker right after its directory.
 */
final class LayerOrder {
  private static final Comparator<LayerEntry> ORDER =
      Comparator.comparing(LayerEntry::path, LayerPaths.WALK_ORDER)
          .thenComparingInt(e -> e instanceof LayerEntry.OpaqueDirectory ? 1 : 0);

  private LayerOrder() {}

  /** The entries sorted; a path given twice (other than a directory and its opaque marker) is an error. */
  static List<LayerEntry> sort(Collection<? extends LayerEntry> entries) {
    List<LayerEntry> sorted = new ArrayList<>(entries);
    sorted.sort(ORDER);
    for (int i = 1; i < sorted.size(); i++) {
      LayerEntry a = sorted.get(i - 1);
      LayerEntry b = sorted.get(i);
      if (a.path().equals(b.path()) && ORDER.compare(a, b) == 0) {
        throw new InvalidLayerEntryException(b.path(), "path appears twice in the layer");
      }
    }
    return sorted;
  }
}
