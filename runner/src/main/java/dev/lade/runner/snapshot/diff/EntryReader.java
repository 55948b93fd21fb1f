package dev.lade.runner.snapshot.diff;

import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.OverlayFormat;
import dev.lade.runner.snapshot.fs.Owners;
import dev.lade.runner.snapshot.fs.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns files of a snapshot into layer entries with container owners and the attributes a layer
 * keeps (overlayfs' own and lade's owner record are dropped). The second and later paths of an
 * inode become {@link LayerEntry.Hardlink}s to the first, so callers must read paths in layer
 * order. A file's content is read only when the layer is written.
 */
public final class EntryReader {
  private final Owners owners;
  private final Map<List<Long>, String> firstPathOfInode = new HashMap<>();

  public EntryReader(Owners owners) {
    this.owners = owners;
  }

  /** The entry for {@code file}, at layer path {@code path}. */
  public LayerEntry read(String path, Path file, FileStat stat) throws IOException {
    EntryMetadata m = metadata(file, stat);
    if (!stat.isDirectory() && stat.nlink() > 1) {
      String first = firstPathOfInode.putIfAbsent(List.of(stat.dev(), stat.ino()), path);
      if (first != null) return new LayerEntry.Hardlink(path, first, m);
    }
    return switch (stat.type()) {
      case FileStat.S_IFDIR -> new LayerEntry.Directory(path, m);
      case FileStat.S_IFREG -> new LayerEntry.File(path, m, stat.size(), () -> Files.newInputStream(file));
      case FileStat.S_IFLNK -> new LayerEntry.Symlink(path, Files.readSymbolicLink(file).toString(), m);
      case FileStat.S_IFCHR -> new LayerEntry.CharDevice(path, m, stat.major(), stat.minor());
      case FileStat.S_IFBLK -> new LayerEntry.BlockDevice(path, m, stat.major(), stat.minor());
      case FileStat.S_IFIFO -> new LayerEntry.Fifo(path, m);
      default -> throw new IOException(file + ": a socket or unknown file type cannot go into a layer");
    };
  }

  /** What a layer records about {@code file}: mode, container owner, time and kept attributes. */
  public EntryMetadata metadata(Path file, FileStat stat) throws IOException {
    long[] owner = owners.read(file, stat);
    return new EntryMetadata(stat.permissions(), owner[0], owner[1], stat.modTime(), keptXattrs(file));
  }

  private static TreeMap<String, byte[]> keptXattrs(Path file) throws IOException {
    TreeMap<String, byte[]> kept = new TreeMap<>();
    for (String name : Posix.listXattrs(file)) {
      if (OverlayFormat.isOverlayXattr(name) || name.startsWith(Owners.LADE_XATTR_PREFIX)) continue;
      Posix.getXattr(file, name).ifPresent(v -> kept.put(name, v));
    }
    return kept;
  }
}
