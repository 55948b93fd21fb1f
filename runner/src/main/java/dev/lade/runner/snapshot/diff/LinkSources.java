package dev.lade.runner.snapshot.diff;

import dev.lade.oci.layer.LayerEntry;
import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.Trees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The unchanged paths an overlay would have copied up for new hard links: {@code ln OLD NEW} copies
 * {@code OLD} up, so the layer holds both names, {@code NEW} linked to {@code OLD}, while the
 * inode's other old names stay below. A copied tree cannot tell which old name was linked, so the
 * first in layer order stands for it.
 */
final class LinkSources {
  private static final Comparator<String> LAYER_ORDER = LinkSources::compare;

  private LinkSources() {}

  /**
   * The old paths of {@code before} to list with {@code changes} (taken of the tree at {@code root}):
   * one per inode that gained a listed name but has none of its old names listed.
   *
   * @param linkedInodes the inodes ({@code [dev, ino]}) of the files and hard links listed in
   *     {@code changes} that have more than one name
   */
  static Set<String> of(Path root, TreeManifest before, List<LayerEntry> changes, Set<List<Long>> linkedInodes)
      throws IOException {
    if (linkedInodes.isEmpty()) return Set.of();
    Set<String> listed = new HashSet<>();
    for (LayerEntry e : changes) listed.add(e.path());
    Map<List<Long>, List<String>> oldNames = before.namesOfInodes(linkedInodes);
    Set<String> sources = new HashSet<>();
    for (Map.Entry<List<Long>, List<String>> inode : oldNames.entrySet()) {
      List<String> names = new ArrayList<>(inode.getValue());
      if (names.stream().anyMatch(listed::contains)) continue;
      names.sort(LAYER_ORDER);
      for (String name : names) {
        FileStat now = Trees.statOrNull(root.resolve(name));
        if (now != null && List.of(now.dev(), now.ino()).equals(inode.getKey())) {
          sources.add(name);
          break;
        }
      }
    }
    return sources;
  }

  /** Layer order: component by component, each by its UTF-8 bytes. */
  static int compare(String a, String b) {
    String[] x = a.split("/");
    String[] y = b.split("/");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = Children.compare(x[i], y[i]);
      if (c != 0) return c;
    }
    return Integer.compare(x.length, y.length);
  }

  /** Old names by inode, for {@link TreeManifest}. */
  static Map<List<Long>, List<String>> group(Map<String, ManifestEntry> entries, Set<List<Long>> inodes) {
    Map<List<Long>, List<String>> out = new HashMap<>();
    for (Map.Entry<String, ManifestEntry> e : entries.entrySet()) {
      FileStat stat = e.getValue().stat();
      List<Long> inode = List.of(stat.dev(), stat.ino());
      if (!stat.isDirectory() && inodes.contains(inode)) out.computeIfAbsent(inode, k -> new ArrayList<>()).add(e.getKey());
    }
    return out;
  }
}
