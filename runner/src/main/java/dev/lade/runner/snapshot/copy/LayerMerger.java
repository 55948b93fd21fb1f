package dev.lade.runner.snapshot.copy;

import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.OverlayFormat;
import dev.lade.runner.snapshot.fs.Posix;
import dev.lade.runner.snapshot.fs.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies unpacked layers on top of each other into one plain directory, doing what overlayfs does
 * when it merges them: a whiteout deletes what is below, an opaque directory empties the one
 * below, everything else replaces or merges. Owners (as root), modes, times, attributes (but
 * overlayfs' own) and hard links within a layer are kept.
 */
public final class LayerMerger {
  private final OverlayFormat format;
  private final boolean privileged;

  public LayerMerger(OverlayFormat format, boolean privileged) {
    this.format = format;
    this.privileged = privileged;
  }

  /** Applies the unpacked layer {@code layer} onto {@code target}. */
  public void apply(Path layer, Path target) throws IOException {
    merge(layer, target, new HashMap<>());
  }

  private void merge(Path from, Path to, Map<List<Long>, Path> copiedInodes) throws IOException {
    List<Path> children;
    try (var s = Files.list(from)) {
      children = s.sorted().toList();
    }
    for (Path source : children) {
      Path dest = to.resolve(source.getFileName().toString());
      FileStat stat = FileStat.of(source);
      if (format.isWhiteout(source, stat)) {
        Trees.removeExisting(dest);
      } else if (stat.isDirectory()) {
        FileStat existing = Trees.statOrNull(dest);
        boolean keep = existing != null && existing.isDirectory() && !format.isOpaque(source);
        if (!keep) {
          Trees.removeExisting(dest);
          Files.createDirectory(dest);
        }
        merge(source, dest, copiedInodes);
        copyMetadata(source, stat, dest);
      } else {
        Trees.removeExisting(dest);
        Path linked = stat.nlink() > 1 ? copiedInodes.get(List.of(stat.dev(), stat.ino())) : null;
        if (linked != null) {
          Files.createLink(dest, linked);
          continue;
        }
        if (copyNode(source, stat, dest)) {
          copyMetadata(source, stat, dest);
          if (stat.nlink() > 1) copiedInodes.put(List.of(stat.dev(), stat.ino()), dest);
        }
      }
    }
  }

  private boolean copyNode(Path source, FileStat stat, Path dest) throws IOException {
    switch (stat.type()) {
      case FileStat.S_IFREG -> Files.copy(source, dest, LinkOption.NOFOLLOW_LINKS);
      case FileStat.S_IFLNK -> Files.createSymbolicLink(dest, Files.readSymbolicLink(source));
      case FileStat.S_IFCHR, FileStat.S_IFBLK -> {
        if (!privileged) return false;
        Posix.mknod(dest, stat.type(), stat.major(), stat.minor());
      }
      case FileStat.S_IFIFO -> Posix.mknod(dest, FileStat.S_IFIFO, 0, 0);
      default -> throw new IOException(source + ": cannot copy a socket or unknown file type");
    }
    return true;
  }

  private void copyMetadata(Path source, FileStat stat, Path dest) throws IOException {
    if (privileged) Posix.lchown(dest, stat.uid(), stat.gid());
    for (String name : Posix.listXattrs(source)) {
      if (OverlayFormat.isOverlayXattr(name)) continue;
      byte[] value = Posix.getXattr(source, name).orElse(null);
      if (value != null) Posix.setXattr(dest, name, value);
    }
    if (!stat.isSymlink()) Posix.chmod(dest, stat.permissions());
    Posix.setModTime(dest, stat.modTime());
  }
}
