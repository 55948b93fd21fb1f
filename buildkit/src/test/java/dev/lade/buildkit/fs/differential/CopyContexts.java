package dev.lade.buildkit.fs.differential;

import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerOptions;
import dev.lade.oci.layer.LayerWriter;
import dev.lade.oci.image.Compression;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * The shared COPY test contexts under testdata/build/copy-*, copied to a temporary directory and
 * completed with what git cannot hold: modes (setuid, setgid, sticky among them), a hard link, an
 * empty directory, archives and fixed mtimes.
 */
final class CopyContexts {
  static final Instant MTIME = Instant.parse("2023-04-05T06:07:08Z");

  private CopyContexts() {}

  static Path prepare(String name, Path into) throws IOException {
    Path source = Path.of(System.getProperty("lade.repo", "..")).resolve("testdata/build").resolve(name);
    if (!Files.isDirectory(source)) source = Path.of("..", "testdata/build", name);
    copyTree(source, into);
    Files.setPosixFilePermissions(into.resolve("dir/f1.txt"), PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(into.resolve("dir/sub"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.createLink(into.resolve("dir/hard"), into.resolve("dir/f1.txt"));
    Files.createDirectories(into.resolve("empty"));
    special(into.resolve("special"));
    foreign(into.resolve("foreign"));
    odd(into.resolve("odd"));
    byte[] tar = tar();
    write(into.resolve("archive.tar.gz"), tar, true);
    try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(into.resolve("archive.tar.bz2")))) {
      out.write(tar);
    }
    write(into.resolve("plain.txt.gz"), "not a tar\n".getBytes(StandardCharsets.UTF_8), true);
    xz(tar, into.resolve("archive.tar.xz"));
    try (Stream<Path> all = Files.walk(into)) {
      for (Path p : all.toList()) {
        // lutimes: a symlink's own time, which BuildKit keeps too
        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            .setTimes(FileTime.from(MTIME), null, null);
      }
    }
    fifo(into.resolve("odd/fifo")); // BuildKit's context leaves FIFOs out
    return into;
  }

  /** xz-utils' {@code xz}: the JDK and commons-compress (without its xz dependency) write no xz. */
  private static void xz(byte[] data, Path file) throws IOException {
    Path raw = Files.write(file.resolveSibling(file.getFileName() + ".raw"), data);
    try {
      Process xz = new ProcessBuilder("/usr/bin/xz", "-6", "-c", raw.toString())
          .redirectOutput(file.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (xz.waitFor() != 0) throw new IOException("xz failed with status " + xz.exitValue());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running xz", e);
    } finally {
      Files.delete(raw);
    }
  }

  /** Mode 0000, an empty executable and a private directory; a FIFO joins them later. */
  private static void odd(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("private"));
    Files.writeString(dir.resolve("private/inside"), "inside\n");
    Files.setAttribute(dir.resolve("private"), "unix:mode", 0700);
    Files.setAttribute(Files.writeString(dir.resolve("unreadable"), "mode 0000\n"), "unix:mode", 0);
    Files.setAttribute(Files.writeString(dir.resolve("empty"), ""), "unix:mode", 0755);
  }

  /** Made after the times are set: setting a FIFO's times opens it, which waits for a writer. */
  private static void fifo(Path file) throws IOException {
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
      if (mkfifo.waitFor() != 0) throw new IOException("mkfifo failed with status " + mkfifo.exitValue());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running mkfifo", e);
    }
  }

  /** A file of another owner and one with an extended attribute: BuildKit's context gives 0:0 and no xattrs. */
  private static void foreign(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path owned = Files.writeString(dir.resolve("owned.txt"), "owned by 1234:5678\n");
    Files.setAttribute(owned, "unix:uid", 1234);
    Files.setAttribute(owned, "unix:gid", 5678);
    Path tagged = Files.writeString(dir.resolve("xattr.txt"), "with user.lade\n");
    Files.getFileAttributeView(tagged, java.nio.file.attribute.UserDefinedFileAttributeView.class)
        .write("lade", java.nio.ByteBuffer.wrap("yes".getBytes(StandardCharsets.UTF_8)));
  }

  /** Modes with setuid, setgid and sticky bits, which java.nio's permission sets cannot express. */
  private static void special(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sticky"));
    Files.writeString(dir.resolve("suid"), "setuid\n");
    Files.writeString(dir.resolve("sgid"), "setgid\n");
    Files.writeString(dir.resolve("sticky/inside"), "in a sticky directory\n");
    Files.setAttribute(dir.resolve("suid"), "unix:mode", 04755);
    Files.setAttribute(dir.resolve("sgid"), "unix:mode", 02750);
    Files.setAttribute(dir.resolve("sticky"), "unix:mode", 01777);
  }

  private static void write(Path file, byte[] data, boolean gzip) throws IOException {
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(data);
    }
  }

  private static byte[] tar() throws IOException {
    byte[] data = "inside the archive\n".getBytes(StandardCharsets.UTF_8);
    Instant t = Instant.parse("2010-01-01T00:00:00Z");
    var out = new java.io.ByteArrayOutputStream();
    new LayerWriter(LayerOptions.defaults().withCompression(Compression.NONE)).write(List.of(
        new LayerEntry.Directory("pkg", EntryMetadata.of(0750, 12, 34, t)),
        new LayerEntry.File("pkg/data", EntryMetadata.of(0640, 12, 34, t), data.length,
            () -> new ByteArrayInputStream(data)),
        new LayerEntry.Symlink("pkg/link", "data", EntryMetadata.of(0777, 12, 34, t)),
        new LayerEntry.File("loose/file", EntryMetadata.of(0600, 0, 0, t), data.length,
            () -> new ByteArrayInputStream(data))), out);
    return out.toByteArray();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isSymbolicLink(p)) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
