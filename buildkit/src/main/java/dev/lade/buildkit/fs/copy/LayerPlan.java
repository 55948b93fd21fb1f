package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.SharedContent;
import dev.lade.buildkit.fs.TreePaths;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The layer a COPY or ADD is building: the entries written so far, seen on top of the destination
 * tree, so later sources of the same instruction see what earlier ones created (as BuildKit's
 * copier sees its own writes on disk).
 */
final class LayerPlan implements FileTree {
  private static final int PARENT_MODE = 0755;

  private final FileTree base;
  private final Map<String, LayerEntry> written = new HashMap<>();
  private final Set<String> timeKept = new HashSet<>();
  /** For each file written, the source it came from: hard links join files of one source only. */
  private final Map<String, Integer> sourceOf = new HashMap<>();
  private int source;

  /** @param base the destination tree; an empty tree for {@code --link} */
  LayerPlan(FileTree base) {
    this.base = base;
  }

  @Override
  public Optional<LayerEntry> lookup(String path) throws IOException {
    LayerEntry entry = written.get(path);
    return entry != null ? Optional.of(entry) : base.lookup(path);
  }

  @Override
  public List<String> children(String path) throws IOException {
    TreeSet<String> names = new TreeSet<>(TreePaths.BYTE_ORDER);
    names.addAll(base.children(path));
    for (String p : written.keySet()) {
      if (!p.isEmpty() && TreePaths.parent(p).equals(path)) names.add(TreePaths.name(p));
    }
    return List.copyOf(names);
  }

  /** Records {@code entry}, replacing whatever was at its path. */
  void put(LayerEntry entry) {
    written.put(entry.path(), entry);
    timeKept.remove(entry.path());
    sourceOf.put(entry.path(), source);
  }

  /**
   * Starts the next source (a wildcard's next match, or the next source path): BuildKit copies
   * each with a copier of its own, whose table of inodes seen makes the hard links, so two names
   * of one file become a link only when one source holds both (checked against dockerd 20.10:
   * {@code COPY h1 h2 /d/} and {@code COPY h* /d/} copy two files).
   */
  void nextSource() {
    source++;
  }

  /** Records a directory whose time is set after its contents are written, so it keeps it. */
  void putKeepingTime(LayerEntry entry) {
    written.put(entry.path(), entry);
    timeKept.add(entry.path());
  }

  /** Whether {@code path} is a directory (without following a final symlink). */
  boolean isDirectory(String path) throws IOException {
    return path.isEmpty() || lookup(path).orElse(null) instanceof LayerEntry.Directory;
  }

  /**
   * Creates {@code path} and its missing parents as fsutil's {@code MkdirAll} does: mode 0755, the
   * {@code --chown} owner (else root), modification time {@code time}.
   *
   * @throws NotADirectory if something other than a directory is in the way
   */
  void mkdirAll(String path, Owner owner, Instant time) throws IOException {
    String current = "";
    for (String part : path.split("/")) {
      if (part.isEmpty()) continue;
      current = TreePaths.join(current, part);
      Optional<LayerEntry> entry = lookup(current);
      if (entry.isEmpty()) {
        put(new LayerEntry.Directory(current,
            EntryMetadata.of(PARENT_MODE, owner.uid(), owner.gid(), time)));
      } else if (!(entry.get() instanceof LayerEntry.Directory)) {
        throw new NotADirectory(current);
      }
    }
  }

  /**
   * The layer's entries: everything written, files of one source sharing an inode turned into
   * hard links to the first of them in layer order, and the existing directories that hold written entries (as
   * containerd's differ includes the parents of changed paths).
   *
   * <p>A directory that gained a name in this step shows {@code now} as its modification time,
   * whatever its source's: BuildKit's copier sets a directory's times before filling it, and the
   * kernel then stamps it as each new name is created (checked against dockerd 20.10: an empty
   * directory keeps its time, a filled one does not).
   */
  List<LayerEntry> entries(Instant now) throws IOException {
    TreeMap<String, LayerEntry> sorted = new TreeMap<>(TreePaths.WALK_ORDER);
    sorted.putAll(written);
    Map<Object, String> firstNames = new HashMap<>();
    List<LayerEntry> out = new ArrayList<>(sorted.size());
    for (LayerEntry entry : sorted.values()) {
      if (entry instanceof LayerEntry.File file && file.content() instanceof SharedContent shared
          && shared.inode() != null) {
        String first = firstNames.putIfAbsent(List.of(sourceOf.get(file.path()), shared.inode()), file.path());
        if (first != null) entry = new LayerEntry.Hardlink(file.path(), first, file.metadata());
      }
      out.add(entry);
    }
    addParents(sorted.keySet(), out);
    Set<String> grown = grown();
    out.replaceAll(e -> e instanceof LayerEntry.Directory d && grown.contains(d.path()) ? stamped(d, now) : e);
    return out;
  }

  /** The directories in which this step created a name that the destination did not have. */
  private Set<String> grown() throws IOException {
    Set<String> grown = new HashSet<>();
    for (String path : written.keySet()) {
      String parent = TreePaths.parent(path);
      if (!grown.contains(parent) && base.lookup(path).isEmpty()) grown.add(parent);
    }
    grown.removeAll(timeKept);
    return grown;
  }

  private static LayerEntry.Directory stamped(LayerEntry.Directory d, Instant now) {
    EntryMetadata m = d.metadata();
    return new LayerEntry.Directory(d.path(), new EntryMetadata(m.mode(), m.uid(), m.gid(), now, m.xattrs()));
  }

  /** The paths written by this step, in layer order. */
  Collection<LayerEntry> written() {
    TreeMap<String, LayerEntry> sorted = new TreeMap<>(TreePaths.WALK_ORDER);
    sorted.putAll(written);
    return sorted.values();
  }

  private void addParents(Collection<String> paths, List<LayerEntry> out) throws IOException {
    TreeSet<String> parents = new TreeSet<>(TreePaths.WALK_ORDER);
    for (String path : paths) {
      for (String p = TreePaths.parent(path); !p.isEmpty() && !written.containsKey(p); p = TreePaths.parent(p)) {
        if (!parents.add(p)) break;
      }
    }
    for (String p : parents) {
      if (base.lookup(p).orElse(null) instanceof LayerEntry.Directory dir) out.add(dir);
    }
  }

  /** A path that must be a directory is something else. */
  static final class NotADirectory extends IOException {
    final String path;

    NotADirectory(String path) {
      super("mkdir /" + path + ": not a directory");
      this.path = path;
    }
  }

  /** A tree with nothing in it: the base of a {@code --link} step. */
  static final FileTree EMPTY = new FileTree() {
    @Override
    public Optional<LayerEntry> lookup(String path) {
      return Optional.empty();
    }

    @Override
    public List<String> children(String path) {
      return List.of();
    }
  };
}
