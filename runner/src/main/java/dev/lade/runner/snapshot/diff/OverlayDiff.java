package dev.lade.runner.snapshot.diff;

import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.OverlayFormat;
import dev.lade.runner.snapshot.fs.Owners;
import dev.lade.runner.snapshot.fs.Trees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes an overlay's upper directory holds, as layer entries: whiteouts (character devices
 * 0/0 or the xattr form) become {@link LayerEntry.Whiteout}, opaque directories {@link
 * LayerEntry.OpaqueDirectory}, everything else is added or changed. A directory that overlayfs
 * merely copied up to hold a change is listed only as the parent of that change, with its
 * current metadata, as containerd's differ lists parents.
 */
public final class OverlayDiff {
  private final Path upper;
  private final List<Path> lowersTopFirst;
  private final OverlayFormat format;
  private final EntryReader reader;

  /**
   * @param lowers the lower layer directories, bottom first (as a chain lists them)
   */
  public OverlayDiff(Path upper, List<Path> lowers, OverlayFormat format, Owners owners) {
    this.upper = upper;
    this.lowersTopFirst = new ArrayList<>(lowers).reversed();
    this.format = format;
    this.reader = new EntryReader(owners);
  }

  /** The changes, in layer order. */
  public List<LayerEntry> changes() throws IOException {
    List<LayerEntry> out = new ArrayList<>();
    walk("", upper, false, out);
    return out;
  }

  private void walk(String dirPath, Path dir, boolean underOpaque, List<LayerEntry> out) throws IOException {
    for (String name : Children.of(dir)) {
      String path = Children.join(dirPath, name);
      Path file = dir.resolve(name);
      FileStat stat = FileStat.of(file);
      if (format.isWhiteout(file, stat)) {
        out.add(new LayerEntry.Whiteout(path));
      } else if (stat.isDirectory()) {
        boolean opaque = format.isOpaque(file);
        List<LayerEntry> children = new ArrayList<>();
        LayerEntry self = reader.read(path, file, stat);
        walk(path, file, underOpaque || opaque, children);
        boolean changed = underOpaque || opaque || !sameAsBelow(path, ((LayerEntry.Directory) self).metadata());
        if (changed || !children.isEmpty()) {
          out.add(self);
          if (opaque) out.add(new LayerEntry.OpaqueDirectory(path));
        }
        out.addAll(children);
      } else {
        out.add(reader.read(path, file, stat));
      }
    }
  }

  // A copied-up directory equals the one it was copied from in the topmost lower layer holding it.
  private boolean sameAsBelow(String path, EntryMetadata now) throws IOException {
    for (Path lower : lowersTopFirst) {
      Path file = lower.resolve(path);
      FileStat stat = Trees.statOrNull(file);
      if (stat == null) continue;
      return stat.isDirectory() && reader.metadata(file, stat).equals(now);
    }
    return false;
  }
}
