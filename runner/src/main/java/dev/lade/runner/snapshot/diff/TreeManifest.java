package dev.lade.runner.snapshot.diff;

import dev.lade.oci.digest.Digest;
import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.Owners;
import dev.lade.runner.snapshot.fs.Posix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A record of a directory tree (path → metadata and content digest), taken when a copied
 * snapshot is prepared so that its changes can be found later without the layers it came from.
 */
public final class TreeManifest {
  /**
   * Marks each directory with its path when the manifest is taken: a directory deleted and made
   * again may get the same inode number back, but never the mark.
   */
  static final String DIRECTORY_MARK = Owners.LADE_XATTR_PREFIX + "manifest-path";

  private final Map<String, ManifestEntry> entries;
  private final Map<String, List<String>> children;

  private TreeManifest(Map<String, ManifestEntry> entries, Map<String, List<String>> children) {
    this.entries = Collections.unmodifiableMap(entries);
    this.children = Collections.unmodifiableMap(children);
  }

  /** Records every path under {@code root}, reading each file once to digest it. */
  public static TreeManifest of(Path root, Owners owners) throws IOException {
    Map<String, ManifestEntry> entries = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    EntryReader reader = new EntryReader(owners);
    record(root, "", reader, entries, children);
    return new TreeManifest(entries, children);
  }

  /** What was at {@code path}, if anything. */
  public Optional<ManifestEntry> get(String path) {
    return Optional.ofNullable(entries.get(path));
  }

  /** The names that were in directory {@code path} ("" for the root), sorted. */
  public List<String> children(String path) {
    return children.getOrDefault(path, List.of());
  }

  /** The recorded names of the inodes ({@code [dev, ino]}) given, those recorded at all. */
  Map<List<Long>, List<String>> namesOfInodes(java.util.Set<List<Long>> inodes) {
    return LinkSources.group(entries, inodes);
  }

  /** How many paths were recorded. */
  public int size() {
    return entries.size();
  }

  private static void record(Path root, String dirPath, EntryReader reader,
      Map<String, ManifestEntry> entries, Map<String, List<String>> children) throws IOException {
    Path dir = dirPath.isEmpty() ? root : root.resolve(dirPath);
    List<String> names = Children.of(dir);
    children.put(dirPath, names);
    for (String name : names) {
      String path = Children.join(dirPath, name);
      Path file = dir.resolve(name);
      FileStat stat = FileStat.of(file);
      if (stat.isDirectory()) Posix.setXattr(file, DIRECTORY_MARK, path.getBytes(StandardCharsets.UTF_8));
      ManifestEntry entry = entry(file, stat, reader);
      entries.put(path, entry);
      if (stat.isDirectory()) record(root, path, reader, entries, children);
    }
  }

  static ManifestEntry entry(Path file, FileStat stat, EntryReader reader) throws IOException {
    Optional<String> target = stat.isSymlink() ? Optional.of(Files.readSymbolicLink(file).toString()) : Optional.empty();
    return new ManifestEntry(stat, reader.metadata(file, stat), target,
        stat.isRegularFile() ? Optional.of(digest(file)) : Optional.empty());
  }

  /** Whether directory {@code dir} is the one recorded at {@code path}. */
  static boolean isMarked(Path dir, String path) throws IOException {
    return Posix.getXattr(dir, DIRECTORY_MARK)
        .map(v -> new String(v, StandardCharsets.UTF_8).equals(path)).orElse(false);
  }

  static Digest digest(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Digest.sha256(in);
    }
  }
}
