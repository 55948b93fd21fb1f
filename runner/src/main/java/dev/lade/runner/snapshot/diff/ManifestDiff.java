package dev.lade.runner.snapshot.diff;

import dev.lade.oci.layer.LayerEntry;
import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.Owners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The changes in a directory tree since its {@link TreeManifest} was taken, listed as an overlay's
 * upper directory would hold them, so both snapshotters produce the same layer: a deleted path is a
 * {@link LayerEntry.Whiteout}; a directory that was deleted and made again (another inode) or that
 * replaced a non-directory is opaque and listed whole; changed paths are listed with the
 * directories above them. A file whose only change is its link count is unchanged (an overlay would
 * not copy it up), except for one old name of an inode that gained names ({@link LinkSources}).
 */
public final class ManifestDiff {
  private final Path root;
  private final TreeManifest before;
  private final Owners owners;
  private EntryReader reader;
  private Set<String> linkSources = Set.of();
  /** The inodes of the changed files and hard links with more than one name, for {@link LinkSources}. */
  private Set<List<Long>> linkedInodes;

  public ManifestDiff(Path root, TreeManifest before, Owners owners) {
    this.root = root;
    this.before = before;
    this.owners = owners;
  }

  /** The changes, in layer order. */
  public List<LayerEntry> changes() throws IOException {
    List<LayerEntry> out = walkAll();
    Set<String> sources = LinkSources.of(root, before, out, linkedInodes);
    if (sources.isEmpty()) return out;
    linkSources = sources;
    return walkAll(); // again, so that the sources come first in layer order and the new names link to them
  }

  private List<LayerEntry> walkAll() throws IOException {
    reader = new EntryReader(owners);
    linkedInodes = new HashSet<>();
    List<LayerEntry> out = new ArrayList<>();
    walk("", root, false, out);
    return out;
  }

  // With everything set, the directory is new or replaced: all of it is listed, nothing compared.
  private void walk(String dirPath, Path dir, boolean everything, List<LayerEntry> out) throws IOException {
    List<String> names = Children.of(dir);
    if (!everything) {
      Set<String> present = new HashSet<>(names);
      for (String old : before.children(dirPath)) {
        if (!present.contains(old)) out.add(new LayerEntry.Whiteout(Children.join(dirPath, old)));
      }
    }
    for (String name : names) {
      String path = Children.join(dirPath, name);
      Path file = dir.resolve(name);
      FileStat stat = FileStat.of(file);
      Optional<ManifestEntry> old = everything ? Optional.empty() : before.get(path);
      if (stat.isDirectory()) {
        directory(path, file, stat, old, everything, out);
      } else if (everything || old.isEmpty() || linkSources.contains(path) || changed(old.get(), file, stat)) {
        LayerEntry entry = reader.read(path, file, stat);
        if ((entry instanceof LayerEntry.File || entry instanceof LayerEntry.Hardlink) && stat.nlink() > 1) {
          linkedInodes.add(List.of(stat.dev(), stat.ino()));
        }
        out.add(entry);
      }
    }
  }

  private void directory(String path, Path file, FileStat stat, Optional<ManifestEntry> old,
      boolean everything, List<LayerEntry> out) throws IOException {
    boolean replaced = old.isPresent() && (!old.get().stat().isDirectory()
        || old.get().stat().ino() != stat.ino() || !TreeManifest.isMarked(file, path));
    LayerEntry.Directory self = (LayerEntry.Directory) reader.read(path, file, stat);
    List<LayerEntry> children = new ArrayList<>();
    boolean fresh = everything || old.isEmpty() || replaced;
    walk(path, file, fresh, children);
    if (fresh || !old.get().metadata().equals(self.metadata()) || !children.isEmpty()) {
      out.add(self);
      if (replaced) out.add(new LayerEntry.OpaqueDirectory(path));
    }
    out.addAll(children);
  }

  private boolean changed(ManifestEntry old, Path file, FileStat now) throws IOException {
    FileStat was = old.stat();
    if (was.type() != now.type() || was.ino() != now.ino() || was.size() != now.size() || was.rdev() != now.rdev()) {
      return true;
    }
    if (!old.metadata().equals(reader.metadata(file, now))) return true;
    if (now.isSymlink()) return !old.linkTarget().orElseThrow().equals(Files.readSymbolicLink(file).toString());
    return now.isRegularFile() && !old.content().orElseThrow().equals(TreeManifest.digest(file));
  }
}
