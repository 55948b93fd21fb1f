package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.CopyException;
import dev.lade.buildkit.fs.TreePaths;
import dev.lade.buildkit.fs.archive.ArchiveExtractor;
import dev.lade.buildkit.fs.archive.ArchiveFormat;
import dev.lade.buildkit.fs.archive.InvalidArchiveException;
import dev.lade.buildkit.fs.archive.LocalArchives;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * ADD's unpacking of a local archive, as BuildKit's file backend does it ({@code unpack}, then
 * Docker's {@code archive.Untar}): the destination is always a directory, created if missing;
 * entries keep their mode, owner and time from the archive (owner replaced by {@code --chown};
 * {@code --chmod} does not apply); missing parents of entries are created 0755 root-owned; a
 * directory in the archive merges with an existing one, taking the archive's metadata, time
 * included (Untar sets directory times last).
 */
final class ArchiveUnpacker {
  private final DockerCopier.Step step;
  private final Path scratch;

  ArchiveUnpacker(DockerCopier.Step step, Path scratch) {
    this.step = step;
    this.scratch = scratch;
  }

  void unpack(LayerEntry.File archive, ArchiveFormat format) throws IOException {
    String destination = step.resolveDestination(step.destination().path());
    step.mkdirAll(destination);
    List<LayerEntry> entries;
    try {
      Files.createDirectories(scratch);
      entries = ArchiveExtractor.extract(LocalArchives.openTar(archive.content(), format), scratch);
    } catch (InvalidArchiveException e) {
      throw step.error(CopyException.Kind.INVALID_OPTION, "/" + archive.path() + ": invalid archive: " + e.getMessage());
    }
    for (LayerEntry entry : entries) {
      LayerEntry placed = place(entry, destination);
      if (placed == null) continue;
      String parent = TreePaths.parent(placed.path());
      if (!step.plan().isDirectory(parent)) {
        try {
          step.plan().mkdirAll(parent, Owner.ROOT, step.now());
        } catch (LayerPlan.NotADirectory e) {
          throw step.error(CopyException.Kind.INVALID_DESTINATION, e.getMessage());
        }
      }
      // Untar sets a directory's times after extracting everything, so they stick.
      if (placed instanceof LayerEntry.Directory) {
        step.plan().putKeepingTime(placed);
      } else {
        step.plan().put(placed);
      }
    }
  }

  /** The entry moved under {@code destination} with the {@code --chown} owner; null to skip it. */
  private LayerEntry place(LayerEntry entry, String destination) {
    String path = TreePaths.join(destination, entry.path());
    return switch (entry) {
      case LayerEntry.File f -> new LayerEntry.File(path, owned(f.metadata()), f.size(), f.content());
      case LayerEntry.Directory d -> new LayerEntry.Directory(path, owned(d.metadata()));
      case LayerEntry.Symlink s -> new LayerEntry.Symlink(path, s.target(), linkMode(owned(s.metadata())));
      case LayerEntry.CharDevice c -> new LayerEntry.CharDevice(path, owned(c.metadata()), c.major(), c.minor());
      case LayerEntry.BlockDevice b -> new LayerEntry.BlockDevice(path, owned(b.metadata()), b.major(), b.minor());
      case LayerEntry.Fifo f -> new LayerEntry.Fifo(path, owned(f.metadata()));
      // The extractor turns hard links into shared files; whiteout names are not archive content.
      case LayerEntry.Hardlink h -> null;
      case LayerEntry.Whiteout w -> null;
      case LayerEntry.OpaqueDirectory o -> null;
    };
  }

  /**
   * A symlink's mode on Linux is always 0777, whatever its tar header says: the header's mode is
   * lost in extraction, and the layer BuildKit writes from the extracted tree shows 0777 (checked
   * against dockerd 20.10 with a 0644 link).
   */
  private static EntryMetadata linkMode(EntryMetadata m) {
    return new EntryMetadata(0777, m.uid(), m.gid(), m.modTime(), m.xattrs());
  }

  private EntryMetadata owned(EntryMetadata m) {
    Owner owner = step.owner();
    if (owner == null) return m;
    return new EntryMetadata(m.mode(), owner.uid(), owner.gid(), m.modTime(), m.xattrs());
  }
}
