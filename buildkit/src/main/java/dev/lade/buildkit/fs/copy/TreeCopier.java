package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.CopyException;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.TreePaths;
import dev.lade.dockerfile.value.Chmod;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies one resolved source, recursively, into a {@link LayerPlan} with the semantics of fsutil's
 * copier ({@code cp -a}): symlinks inside the source are copied as links, devices as devices;
 * every entry gets the {@code --chown} owner (else its own) and the {@code --chmod} mode (else its
 * own, symlinks excepted); modification times are kept. The top-level directory's own metadata is
 * left alone when it already exists (BuildKit copies a directory's contents into it).
 */
final class TreeCopier {
  private final FileTree source;
  private final LayerPlan plan;
  private final Owner owner;
  private final Optional<Chmod> chmod;
  private final ExcludeMatcher excludes;
  private final int line;
  private final List<String> filesRead = new ArrayList<>();

  /** @param owner the {@code --chown} owner, or null to keep each source entry's own */
  TreeCopier(FileTree source, LayerPlan plan, Owner owner, Optional<Chmod> chmod,
      ExcludeMatcher excludes, int line) {
    this.source = source;
    this.plan = plan;
    this.owner = owner;
    this.chmod = chmod;
    this.excludes = excludes;
    this.line = line;
  }

  /**
   * Copies {@code entry} (at {@code entry.path()} in the source) to {@code target}.
   *
   * @param components the path relative to the copied source root, "" at the top ({@code
   *     --exclude} patterns match it)
   * @param overwriteMetadata whether an existing directory at {@code target} takes the source's
   *     metadata (below the top level)
   */
  void copy(LayerEntry entry, String components, String target, boolean overwriteMetadata)
      throws IOException {
    boolean directory = entry instanceof LayerEntry.Directory;
    if (excludes.excludes(components, directory)) return;
    if (target.isEmpty() && !directory) throw failure("cannot replace to directory / with file");
    Optional<LayerEntry> existing = plan.lookup(target);
    if (!directory && existing.orElse(null) instanceof LayerEntry.Directory) {
      throw failure("cannot replace to directory /" + target + " with file");
    }
    switch (entry) {
      case LayerEntry.Directory dir -> copyDirectory(dir, components, target, existing, overwriteMetadata);
      case LayerEntry.File file -> {
        filesRead.add(file.path());
        plan.put(new LayerEntry.File(target, metadata(file.metadata(), false), file.size(), file.content()));
      }
      case LayerEntry.Symlink link -> plan.put(new LayerEntry.Symlink(target, link.target(),
          ownerOnly(link.metadata())));
      case LayerEntry.CharDevice dev -> plan.put(new LayerEntry.CharDevice(target,
          metadata(dev.metadata(), false), dev.major(), dev.minor()));
      case LayerEntry.BlockDevice dev -> plan.put(new LayerEntry.BlockDevice(target,
          metadata(dev.metadata(), false), dev.major(), dev.minor()));
      case LayerEntry.Fifo fifo -> plan.put(new LayerEntry.Fifo(target, metadata(fifo.metadata(), false)));
      case LayerEntry.Hardlink link -> throw new IOException("unexpected hard link entry " + link.path());
      case LayerEntry.Whiteout w -> throw new IOException("unexpected whiteout " + w.path());
      case LayerEntry.OpaqueDirectory o -> throw new IOException("unexpected opaque marker " + o.path());
    }
  }

  private void copyDirectory(LayerEntry.Directory dir, String components, String target,
      Optional<LayerEntry> existing, boolean overwriteMetadata) throws IOException {
    if (existing.isPresent() && !(existing.get() instanceof LayerEntry.Directory)) {
      throw failure("cannot copy to non-directory: /" + target);
    }
    if (existing.isEmpty() || overwriteMetadata) {
      if (!target.isEmpty()) plan.put(new LayerEntry.Directory(target, metadata(dir.metadata(), true)));
    }
    copyContents(dir.path(), components, target);
  }

  /** Copies what the source directory {@code sourceDir} holds into the directory {@code target}. */
  void copyContents(String sourceDir, String components, String target) throws IOException {
    for (String name : source.children(sourceDir)) {
      Optional<LayerEntry> child = source.lookup(TreePaths.join(sourceDir, name));
      if (child.isEmpty()) continue; // vanished while we read
      copy(child.get(), TreePaths.join(components, name), TreePaths.join(target, name), true);
    }
  }

  /** The source paths of the regular files copied so far, whose contents the layer will read. */
  List<String> filesRead() {
    return filesRead;
  }

  /** The metadata a copied entry gets: owner and mode options applied, time and xattrs kept. */
  EntryMetadata metadata(EntryMetadata from, boolean directory) {
    int mode = chmod.map(c -> c.apply(from.mode(), directory) & 07777).orElse(from.mode());
    long uid = owner != null ? owner.uid() : from.uid();
    long gid = owner != null ? owner.gid() : from.gid();
    return new EntryMetadata(mode, uid, gid, from.modTime(), from.xattrs());
  }

  private EntryMetadata ownerOnly(EntryMetadata from) {
    if (owner == null) return from;
    return new EntryMetadata(from.mode(), owner.uid(), owner.gid(), from.modTime(), from.xattrs());
  }

  private CopyException failure(String reason) {
    return new CopyException(CopyException.Kind.INVALID_DESTINATION, line, reason);
  }
}
