package dev.lade.runner.snapshot.extract;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerReader;
import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.OverlayFormat;
import dev.lade.runner.snapshot.fs.Owners;
import dev.lade.runner.snapshot.fs.Posix;
import dev.lade.runner.snapshot.fs.PosixException;
import dev.lade.runner.snapshot.fs.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Unpacks one layer blob into a directory of its own, as overlayfs wants a lower layer: {@code
 * .wh.NAME} becomes an overlay whiteout and {@code .wh..wh..opq} an opaque directory (in the
 * {@link OverlayFormat} given), with modes, owners (see {@link Owners}), extended attributes,
 * modification times, hard links and, as root, device nodes. Never writes outside the directory.
 */
public final class LayerExtractor {
  private final OverlayFormat format;
  private final Owners owners;
  private final boolean privileged;

  /**
   * @param privileged whether this process is root: only root creates device nodes and sets
   *     {@code trusted.*} and {@code security.*} attributes; rootless extraction skips them, as
   *     containerd's does
   */
  public LayerExtractor(OverlayFormat format, Owners owners, boolean privileged) {
    this.format = format;
    this.owners = owners;
    this.privileged = privileged;
  }

  /** An extractor for this process: privileged and with devices as root, rootless otherwise. */
  public static LayerExtractor forCurrentUser() {
    return new LayerExtractor(OverlayFormat.forCurrentUser(), Owners.forCurrentUser(), Posix.isRoot());
  }

  public OverlayFormat format() {
    return format;
  }

  /**
   * Unpacks {@code blob} (gzip, zstd or plain) into the existing directory {@code dir}.
   *
   * @param layer names the layer in errors
   * @return the layer's diff ID, computed while unpacking
   * @throws UnsafeLayerEntryException if an entry would escape {@code dir}
   */
  public Digest extract(InputStream blob, Path dir, String layer) throws IOException {
    ConfinedTree tree = new ConfinedTree(dir, layer);
    List<Deferred> directories = new ArrayList<>();
    try (LayerReader reader = new LayerReader(blob)) {
      LayerEntry entry;
      while ((entry = next(reader, layer)) != null) {
        Path target = tree.resolve(entry.path());
        try {
          apply(entry, target, tree, layer, directories);
        } catch (PosixException e) {
          throw new IOException("layer " + layer + ": entry \"" + entry.path() + "\": " + e.getMessage(), e);
        }
      }
      // Children change their directory's time, and a read-only directory refuses children: last.
      for (int i = directories.size() - 1; i >= 0; i--) directories.get(i).finish();
      return reader.diffId();
    }
  }

  private static LayerEntry next(LayerReader reader, String layer) throws IOException {
    try {
      return reader.next();
    } catch (IllegalArgumentException e) {
      throw new UnsafeLayerEntryException(layer, "an entry escapes the layer's root: " + e.getMessage());
    }
  }

  private void apply(LayerEntry entry, Path target, ConfinedTree tree, String layer, List<Deferred> dirs)
      throws IOException {
    switch (entry) {
      case LayerEntry.Directory d -> {
        FileStat existing = Trees.statOrNull(target);
        if (existing != null && !existing.isDirectory()) Files.delete(target);
        if (existing == null || !existing.isDirectory()) Files.createDirectory(target);
        setOwnerAndXattrs(target, d.metadata());
        dirs.add(new Deferred(target, d.metadata()));
      }
      case LayerEntry.File f -> {
        Trees.removeExisting(target);
        try (InputStream in = f.content().open();
            OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          in.transferTo(out);
        }
        finish(target, f.metadata());
      }
      case LayerEntry.Symlink s -> {
        Trees.removeExisting(target);
        Files.createSymbolicLink(target, Path.of(s.target()));
        setOwnerAndXattrs(target, s.metadata());
        Posix.setModTime(target, s.metadata().modTime());
      }
      case LayerEntry.Hardlink h -> {
        Path source = tree.resolve(h.target());
        FileStat stat = Trees.statOrNull(source);
        if (stat == null || stat.isDirectory()) {
          throw UnsafeLayerEntryException.entry(layer, h.path(), "links to \"" + h.target() + "\", which is not an earlier file of the layer");
        }
        Trees.removeExisting(target);
        Files.createLink(target, source);
      }
      case LayerEntry.CharDevice c -> node(target, FileStat.S_IFCHR, c.major(), c.minor(), c.metadata());
      case LayerEntry.BlockDevice b -> node(target, FileStat.S_IFBLK, b.major(), b.minor(), b.metadata());
      case LayerEntry.Fifo p -> {
        Trees.removeExisting(target);
        Posix.mknod(target, FileStat.S_IFIFO, 0, 0);
        finish(target, p.metadata());
      }
      case LayerEntry.Whiteout w -> {
        Trees.removeExisting(target);
        format.writeWhiteout(target);
      }
      case LayerEntry.OpaqueDirectory o -> {
        if (Trees.statOrNull(target) == null) Files.createDirectory(target);
        format.markOpaque(target);
      }
    }
  }

  private void node(Path target, int type, long major, long minor, EntryMetadata m) throws IOException {
    if (!privileged) return;
    Trees.removeExisting(target);
    Posix.mknod(target, type, major, minor);
    finish(target, m);
  }

  private void finish(Path target, EntryMetadata m) throws IOException {
    setOwnerAndXattrs(target, m);
    Posix.chmod(target, m.mode());
    Posix.setModTime(target, m.modTime());
  }

  // Owner first: chown clears setuid and setgid bits, so the mode comes after.
  private void setOwnerAndXattrs(Path target, EntryMetadata m) throws IOException {
    FileStat stat = FileStat.of(target);
    owners.apply(target, stat, m.uid(), m.gid());
    for (Map.Entry<String, byte[]> x : m.xattrs().entrySet()) {
      // A layer must not forge overlay whiteouts or lade's owner records.
      if (OverlayFormat.isOverlayXattr(x.getKey()) || x.getKey().startsWith(Owners.LADE_XATTR_PREFIX)) continue;
      setXattr(target, x.getKey(), x.getValue());
    }
  }

  private void setXattr(Path target, String name, byte[] value) throws IOException {
    try {
      Posix.setXattr(target, name, value);
    } catch (PosixException e) {
      // Rootless, security.* and trusted.* attributes are refused; containerd skips them too.
      boolean refused = e.errno() == Posix.EPERM || e.errno() == Posix.EOPNOTSUPP;
      if (privileged || !refused) throw e;
    }
  }

  /** A directory's mode and time, set once its children are in place. */
  private record Deferred(Path dir, EntryMetadata metadata) {
    void finish() throws IOException {
      Posix.chmod(dir, metadata.mode());
      Posix.setModTime(dir, metadata.modTime());
    }
  }
}
