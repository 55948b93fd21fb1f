package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.TreePaths;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Expands a source path's wildcards as fsutil's {@code ResolveWildcards} does: the components
 * before the first one with a wildcard name a directory (symlinks followed); below it, paths are
 * walked in lexical order without following symlinks, and those whose relative path matches the
 * rest of the pattern ({@link GoMatch}) are the matches; a matching directory is not entered. A
 * directory that is not there is an error (Go's {@code filepath.Walk} fails on it), while an
 * existing one without matches gives none.
 */
final class SourceMatcher {
  /**
   * One match.
   *
   * @param path the matched path in the tree, not resolved ({@code base/relative})
   * @param relative the part the wildcard matched, relative to the non-wildcard prefix
   */
  record Match(String path, String relative) {}

  private SourceMatcher() {}

  /** Whether {@code path} has a wildcard in any component. */
  static boolean hasWildcards(String path) {
    return GoMatch.hasWildcards(path);
  }

  /**
   * The matches of {@code pattern} (clean, relative); for a pattern without wildcards, the path
   * itself, whether or not it exists.
   */
  static List<Match> matches(FileTree tree, SymlinkResolver resolver, String pattern)
      throws IOException, SymlinkResolver.EscapeException {
    String[] parts = pattern.isEmpty() ? new String[0] : pattern.split("/");
    int first = 0;
    while (first < parts.length && !GoMatch.hasWildcards(parts[first])) first++;
    if (first == parts.length) return List.of(new Match(pattern, ""));
    String base = String.join("/", java.util.Arrays.copyOfRange(parts, 0, first));
    String rest = String.join("/", java.util.Arrays.copyOfRange(parts, first, parts.length));
    String resolvedBase = resolver.resolve(base, true);
    if (!resolvedBase.isEmpty() && tree.lookup(resolvedBase).isEmpty()) throw new MissingDirectory(base);
    List<Match> out = new ArrayList<>();
    walk(tree, resolvedBase, "", rest, parts.length - first, base, out);
    return out;
  }

  /** The directory before a pattern's first wildcard does not exist. */
  static final class MissingDirectory extends IOException {
    MissingDirectory(String path) {
      super("lstat /" + path + ": no such file or directory");
    }
  }

  private static void walk(FileTree tree, String dir, String relative, String rest, int depth,
      String base, List<Match> out) throws IOException {
    for (String name : tree.children(TreePaths.join(dir, relative))) {
      String rel = TreePaths.join(relative, name);
      if (GoMatch.matches(rest, rel)) {
        out.add(new Match(TreePaths.join(base, rel), rel));
        continue;
      }
      if (depth > 1) {
        Optional<LayerEntry> entry = tree.lookup(TreePaths.join(dir, rel));
        if (entry.isPresent() && entry.get() instanceof LayerEntry.Directory) {
          walk(tree, dir, rel, rest, depth - 1, base, out);
        }
      }
    }
  }
}
