package dev.lade.buildkit.run;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.copy.InputChecksum;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The part of a tree a bind or cache mount shows ({@code source=} inside the context, a stage or
 * an image): its entries, their checksum for the step's cache key, and a copy of them on disk for
 * the process to see.
 */
public final class MountSources {
  private static final String ROOT = "source";
  private MountSources() {}

  /**
   * The entries under {@code source} in {@code tree}, parents before children, their paths
   * relative to it under a first component {@code source} that stands for it.
   *
   * @throws NoSuchFileException when {@code source} is not in the tree
   */
  public static List<LayerEntry> entries(FileTree tree, String source) throws IOException {
    String root = clean(source);
    Optional<LayerEntry> top = lookup(tree, root);
    if (top.isEmpty()) throw new NoSuchFileException(source.isEmpty() ? "/" : source, null, "mount source not found");
    List<LayerEntry> out = new ArrayList<>();
    walk(tree, root, root, out);
    return out;
  }

  /** What the step's cache key takes from a mount's source: every entry's metadata and content. */
  public static Digest checksum(FileTree tree, String source) throws IOException {
    return InputChecksum.of(entries(tree, source));
  }

  /**
   * Writes what is at {@code source} to {@code dest}, with modes, owners and modification times: a
   * file as the file {@code dest}, a directory's entries into the directory {@code dest} (made
   * when missing).
   */
  public static void write(FileTree tree, String source, Path dest) throws IOException {
    List<LayerEntry> entries = entries(tree, source);
    List<LayerEntry> directories = new ArrayList<>();
    for (LayerEntry e : entries) {
      Path target = on(dest, e.path());
      switch (e) {
        case LayerEntry.Directory d -> {
          if (!e.path().equals(ROOT) || !Files.isDirectory(target)) Files.createDirectory(target);
          directories.add(d);
        }
        case LayerEntry.File f -> {
          try (InputStream in = f.content().open()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
          finish(target, f.metadata());
        }
        case LayerEntry.Symlink s -> {
          Files.createSymbolicLink(target, Path.of(s.target()));
          owner(target, s.metadata());
        }
        case LayerEntry.Hardlink h -> link(dest, target, h, source);
        default -> { } // devices and fifos need no content to be read through a mount
      }
    }
    // Last, so that read-only directories do not stop their children from being written.
    for (LayerEntry d : directories.reversed()) {
      finish(on(dest, d.path()), ((LayerEntry.Directory) d).metadata());
    }
  }

  private static void link(Path dest, Path target, LayerEntry.Hardlink h, String source) throws IOException {
    String root = clean(source);
    String prefix = root.isEmpty() ? "" : root + "/";
    if (!h.target().startsWith(prefix)) return; // its other name lies outside what is mounted
    try {
      Files.createLink(target, dest.resolve(h.target().substring(prefix.length())));
    } catch (FileAlreadyExistsException | NoSuchFileException e) {
      throw new IOException("cannot link " + h.path() + " to " + h.target() + " in a mount source", e);
    }
  }

  private static void walk(FileTree tree, String root, String path, List<LayerEntry> out) throws IOException {
    Optional<LayerEntry> entry = lookup(tree, path);
    if (entry.isEmpty()) return;
    out.add(relative(entry.get(), path.equals(root) ? ROOT
        : ROOT + "/" + (root.isEmpty() ? path : path.substring(root.length() + 1))));
    if (!(entry.get() instanceof LayerEntry.Directory)) return;
    for (String child : tree.children(path)) walk(tree, root, path.isEmpty() ? child : path + "/" + child, out);
  }

  private static Path on(Path dest, String path) {
    return path.equals(ROOT) ? dest : dest.resolve(path.substring(ROOT.length() + 1));
  }

  /** A tree may leave its root out (a build context does): it is a directory all the same. */
  private static Optional<LayerEntry> lookup(FileTree tree, String path) throws IOException {
    Optional<LayerEntry> entry = tree.lookup(path);
    if (entry.isPresent() || !path.isEmpty()) return entry;
    return Optional.of(new LayerEntry.Directory(ROOT, EntryMetadata.root(0755))); // renamed by relative()
  }

  private static LayerEntry relative(LayerEntry e, String path) {
    return switch (e) {
      case LayerEntry.File f -> new LayerEntry.File(path, f.metadata(), f.size(), f.content());
      case LayerEntry.Directory d -> new LayerEntry.Directory(path, d.metadata());
      case LayerEntry.Symlink s -> new LayerEntry.Symlink(path, s.target(), s.metadata());
      case LayerEntry.Hardlink h -> new LayerEntry.Hardlink(path, h.target(), h.metadata());
      case LayerEntry.CharDevice c -> new LayerEntry.CharDevice(path, c.metadata(), c.major(), c.minor());
      case LayerEntry.BlockDevice b -> new LayerEntry.BlockDevice(path, b.metadata(), b.major(), b.minor());
      case LayerEntry.Fifo f -> new LayerEntry.Fifo(path, f.metadata());
      case LayerEntry.Whiteout w -> new LayerEntry.Whiteout(path, w.modTime());
      case LayerEntry.OpaqueDirectory o -> new LayerEntry.OpaqueDirectory(path, o.modTime());
    };
  }

  /** A path as FileTree takes it: no leading or trailing slash, no {@code .} or {@code ..} above the root. */
  public static String clean(String path) {
    String normal = Path.of("/" + path).normalize().toString();
    return normal.equals("/") ? "" : normal.substring(1);
  }

  private static void finish(Path path, EntryMetadata m) throws IOException {
    owner(path, m);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions(m.mode())));
    Files.setLastModifiedTime(path, FileTime.from(m.modTime()));
  }

  private static void owner(Path path, EntryMetadata m) throws IOException {
    try {
      Files.setAttribute(path, "unix:uid", (int) m.uid(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:gid", (int) m.gid(), LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.FileSystemException e) {
      // Unprivileged: the files stay the builder's, readable all the same.
    }
  }

  private static String permissions(int mode) {
    String letters = "rwxrwxrwx";
    StringBuilder sb = new StringBuilder();
    for (int bit = 8; bit >= 0; bit--) sb.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
    return sb.toString();
  }
}
