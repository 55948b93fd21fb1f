package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.TreePaths;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Resolves symlinks in a path inside a tree, as continuity's {@code fs.RootPath} does for BuildKit:
 * absolute targets start again at the tree's root and {@code ..} never climbs above it. A strict
 * resolver (for the build context) instead reports a link that would leave the root.
 */
final class SymlinkResolver {
  private static final int MAX_LINKS = 255;

  /** A link that would leave a strict tree: the link's path and target. */
  static final class EscapeException extends Exception {
    final String link;
    final String target;

    EscapeException(String link, String target) {
      super(link + " -> " + target, null, false, false);
      this.link = link;
      this.target = target;
    }
  }

  private final FileTree tree;
  private final boolean strict;

  SymlinkResolver(FileTree tree, boolean strict) {
    this.tree = tree;
    this.strict = strict;
  }

  /**
   * The path {@code path} leads to, with every symlink on the way resolved; the last component is
   * resolved too when {@code followLast}. Components past a missing one are kept as written.
   */
  String resolve(String path, boolean followLast) throws IOException, EscapeException {
    Deque<String> pending = new ArrayDeque<>(split(path));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!pending.isEmpty()) {
      String part = pending.pop();
      if (part.isEmpty() || part.equals(".")) continue;
      if (part.equals("..")) {
        if (!done.isEmpty()) done.remove(done.size() - 1);
        continue;
      }
      String candidate = TreePaths.join(String.join("/", done), part);
      if (!pending.isEmpty() || followLast) {
        Optional<LayerEntry> entry = tree.lookup(candidate);
        if (entry.isPresent() && entry.get() instanceof LayerEntry.Symlink link) {
          if (++links > MAX_LINKS) throw new IOException(candidate + ": too many levels of symbolic links");
          String target = link.target();
          if (strict && escapes(done, target)) throw new EscapeException(candidate, target);
          if (target.startsWith("/")) done.clear();
          List<String> parts = split(target);
          for (int i = parts.size() - 1; i >= 0; i--) pending.push(parts.get(i));
          continue;
        }
      }
      done.add(part);
    }
    return String.join("/", done);
  }

  /** The entry at {@code path} after resolving it; empty when nothing is there. */
  Optional<LayerEntry> lookup(String path, boolean followLast) throws IOException, EscapeException {
    return tree.lookup(resolve(path, followLast));
  }

  private static boolean escapes(List<String> dir, String target) {
    if (target.startsWith("/")) return true;
    int depth = dir.size();
    for (String part : split(target)) {
      if (part.isEmpty() || part.equals(".")) continue;
      depth += part.equals("..") ? -1 : 1;
      if (depth < 0) return true;
    }
    return false;
  }

  private static List<String> split(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) if (!part.isEmpty()) parts.add(part);
    return parts;
  }
}
