package dev.lade.buildkit.fs.layers;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.TreePaths;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.store.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The root filesystem of an image or stage, seen through its layers in the store: upper layers
 * hide lower ones, whiteouts delete, opaque directories hide what lower layers put in them.
 *
 * <p>Opening reads every layer once, headers only, to build an index of the merged tree; no
 * content is kept. Contents are reached through {@link LayerContents}: {@link #prefetch} extracts
 * the files a step needs in one pass per layer (layers in parallel) into a cache directory, so a
 * {@code COPY --from} of many files decompresses each gzip layer once instead of once per file.
 * A content opened without a prefetch is extracted alone (one pass for that file).
 */
public final class LayerStackTree implements FileTree {
  private final TreeMap<String, LayerEntry> entries;
  private final Map<String, TreeSet<String>> children;

  private LayerStackTree(TreeMap<String, LayerEntry> entries) {
    this.entries = entries;
    this.children = new HashMap<>();
    for (String path : entries.keySet()) {
      children.computeIfAbsent(TreePaths.parent(path), p -> new TreeSet<>(TreePaths.BYTE_ORDER))
          .add(TreePaths.name(path));
    }
  }

  /**
   * Indexes the layers {@code layers} (bottom first) of {@code blobs}.
   *
   * @param cache a directory extracted contents are written to; it must outlive the layer write
   *     that reads them
   */
  public static LayerStackTree open(BlobStore blobs, List<Digest> layers, Path cache) throws IOException {
    return new LayerTrees(blobs, cache).open(layers);
  }

  /** Merges layers already read (bottom first) into one tree. */
  static LayerStackTree merge(List<List<LayerEntry>> layers) {
    TreeMap<String, LayerEntry> merged = new TreeMap<>(TreePaths.WALK_ORDER);
    for (List<LayerEntry> layer : layers) apply(merged, layer);
    return new LayerStackTree(merged);
  }

  @Override
  public Optional<LayerEntry> lookup(String path) {
    return Optional.ofNullable(entries.get(path));
  }

  @Override
  public List<String> children(String path) {
    if (!path.isEmpty() && !(entries.get(path) instanceof LayerEntry.Directory)) return List.of();
    TreeSet<String> names = children.get(path);
    return names == null ? List.of() : List.copyOf(names);
  }

  @Override
  public void prefetch(Collection<String> paths) throws IOException {
    List<LayerContents.Content> wanted = new ArrayList<>();
    for (String path : paths) {
      if (entries.get(path) instanceof LayerEntry.File f && f.content() instanceof LayerContents.Content c) {
        wanted.add(c);
      }
    }
    if (!wanted.isEmpty()) wanted.get(0).owner().extract(wanted);
  }

  /** Applies one layer on top of the merged tree, as overlayfs shows it. */
  private static void apply(TreeMap<String, LayerEntry> merged, List<LayerEntry> layer) {
    for (LayerEntry e : layer) {
      switch (e) {
        case LayerEntry.Whiteout w -> {
          merged.remove(w.path());
          removeBelow(merged, w.path());
        }
        case LayerEntry.OpaqueDirectory o -> removeBelow(merged, o.path());
        default -> { }
      }
    }
    for (LayerEntry e : layer) {
      if (e instanceof LayerEntry.Whiteout || e instanceof LayerEntry.OpaqueDirectory) continue;
      LayerEntry previous = merged.put(e.path(), e);
      // A non-directory replacing a directory hides everything that was inside it.
      if (previous instanceof LayerEntry.Directory && !(e instanceof LayerEntry.Directory)) removeBelow(merged, e.path());
    }
  }

  private static void removeBelow(TreeMap<String, LayerEntry> merged, String dir) {
    String prefix = dir + "/";
    // In walk order a directory's descendants are contiguous, right after it.
    var below = merged.tailMap(prefix, true).keySet().iterator();
    while (below.hasNext() && below.next().startsWith(prefix)) below.remove();
  }
}
