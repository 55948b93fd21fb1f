package dev.lade.buildkit.export;

import dev.lade.buildkit.build.BuiltImage;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerReader;
import dev.lade.oci.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes an image's root filesystem into a directory ({@code type=local}): its layers applied in
 * order, whiteouts deleting what lower layers made. Permission bits and modification times are
 * kept; owners and device nodes need root and are not. Nothing is written outside the directory,
 * whatever symlinks the layers hold.
 */
final class RootfsExport {
  private static final PosixFilePermission[] BITS = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

  private RootfsExport() {}

  static void write(BlobStore blobs, BuiltImage image, Path dest) throws IOException {
    Files.createDirectories(dest);
    Path root = dest.toRealPath();
    Map<Path, EntryMetadata> directories = new LinkedHashMap<>();
    for (Descriptor layer : image.manifest().value().layers()) {
      try (LayerReader reader = LayerReader.entriesOnly(blobs.open(layer.digest()))) {
        for (LayerEntry e = reader.next(); e != null; e = reader.next()) apply(root, e, directories);
      }
    }
    // Last, so that read-only directories do not stop their children from being written.
    for (Map.Entry<Path, EntryMetadata> d : directories.entrySet()) {
      if (Files.isDirectory(d.getKey(), LinkOption.NOFOLLOW_LINKS)) finish(d.getKey(), d.getValue());
    }
  }

  private static void apply(Path root, LayerEntry entry, Map<Path, EntryMetadata> directories) throws IOException {
    Path target = inside(root, entry.path());
    if (target == null) return;
    switch (entry) {
      case LayerEntry.Whiteout w -> deleteTree(target);
      case LayerEntry.OpaqueDirectory o -> clear(target);
      case LayerEntry.Directory d -> {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(target);
          Files.createDirectory(target);
        }
        directories.put(target, d.metadata());
      }
      case LayerEntry.File f -> {
        deleteTree(target);
        try (InputStream in = f.content().open()) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        finish(target, f.metadata());
      }
      case LayerEntry.Symlink s -> {
        deleteTree(target);
        Files.createSymbolicLink(target, Path.of(s.target()));
      }
      case LayerEntry.Hardlink h -> {
        Path existing = inside(root, h.target());
        if (existing == null) return;
        deleteTree(target);
        Files.createLink(target, existing);
      }
      case LayerEntry.CharDevice c -> { } // needs root
      case LayerEntry.BlockDevice b -> { }
      case LayerEntry.Fifo f -> { }
    }
  }

  /** {@code path} under {@code root}, or null when its parent resolves (through symlinks) outside. */
  private static Path inside(Path root, String path) throws IOException {
    Path target = root.resolve(path);
    Path parent = target.getParent();
    Files.createDirectories(parent);
    return parent.toRealPath().startsWith(root) ? parent.toRealPath().resolve(target.getFileName()) : null;
  }

  private static void finish(Path path, EntryMetadata m) throws IOException {
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < BITS.length; bit++) if ((m.mode() & (1 << bit)) != 0) perms.add(BITS[bit]);
    try {
      Files.setPosixFilePermissions(path, perms);
      Files.setLastModifiedTime(path, FileTime.from(m.modTime()));
    } catch (FileSystemException e) {
      // best effort, as an unprivileged local export is
    }
  }

  private static void clear(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) deleteTree(child);
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) clear(path);
    Files.deleteIfExists(path);
  }
}
