package dev.lade.runner.snapshot.extract;

import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory that layer entries are written into without leaving it: every parent of an entry
 * must be a real directory inside the root (never a symbolic link, which could point anywhere),
 * and missing parents are created.
 */
final class ConfinedTree {
  private final Path root;
  private final String layer;

  ConfinedTree(Path root, String layer) {
    this.root = root;
    this.layer = layer;
  }

  Path root() {
    return root;
  }

  /** Where {@code path} (a clean layer path) lives, after making sure its parents are safe. */
  Path resolve(String path) throws IOException {
    Path current = root;
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      current = current.resolve(parts[i]);
      FileStat stat = Trees.statOrNull(current);
      if (stat == null) {
        Files.createDirectory(current);
      } else if (stat.isSymlink()) {
        throw UnsafeLayerEntryException.entry(layer, path, "has a symbolic link as parent (\"" + root.relativize(current) + "\")");
      } else if (!stat.isDirectory()) {
        throw UnsafeLayerEntryException.entry(layer, path, "has a non-directory as parent (\"" + root.relativize(current) + "\")");
      }
    }
    return root.resolve(path);
  }
}
