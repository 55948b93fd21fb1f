package dev.lade.oci.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A small root filesystem tarball built from busybox-static: {@code /bin/busybox} with applet
 * links, {@code /etc/passwd} and {@code /etc/group} with root, a named user and group, and
 * {@code nobody}, {@code /tmp} and an empty {@code /root}. Both {@code docker import} and
 * {@code lade import} take it, so tests compare the two tools on the same base image.
 */
public final class BusyboxRootfs {

  /** Where Debian's busybox-static package installs the static binary. */
  public static final Path BUSYBOX = Path.of("/bin/busybox");

  /** The applets linked into /bin: enough for shell-form RUN steps and for inspecting a tree. */
  public static final List<String> APPLETS =
      List.of(
          "sh", "ls", "cat", "echo", "id", "mkdir", "rm", "cp", "mv", "ln", "chmod", "chown",
          "touch", "stat", "find", "sha256sum", "sleep", "true", "false", "env", "hostname", "ps",
          "mount", "grep", "sed", "wc", "head", "tail", "test", "tar", "whoami", "printf");

  /** A user beside root, for USER and --chown tests: uid 1000, primary group 1000. */
  public static final String USER = "builder";

  /** A group beside root: gid 1000, with {@link #USER} as its member. */
  public static final String GROUP = "builders";

  private static final long MTIME_SECONDS = 1_700_000_000L;

  private BusyboxRootfs() {}

  /**
   * Writes the rootfs tarball to {@code file} and returns it.
   *
   * @throws IllegalStateException when busybox-static is not installed
   */
  public static Path writeTar(Path file) throws IOException {
    if (!Files.isExecutable(BUSYBOX)) {
      throw new IllegalStateException(
          "busybox-static not installed: install the Debian package 'busybox-static'"
              + " (./test installs everything in tools/test-packages.txt)");
    }
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      directory(tar, "bin/", 0755);
      regular(tar, "bin/busybox", BUSYBOX, 0755);
      for (String applet : APPLETS) {
        symlink(tar, "bin/" + applet, "busybox");
      }
      directory(tar, "etc/", 0755);
      text(tar, "etc/passwd", passwd(), 0644);
      text(tar, "etc/group", group(), 0644);
      directory(tar, "root/", 0700);
      directory(tar, "tmp/", 01777);
    }
    return file;
  }

  private static String passwd() {
    return "root:x:0:0:root:/root:/bin/sh\n"
        + USER + ":x:1000:1000:" + USER + ":/home/" + USER + ":/bin/sh\n"
        + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
  }

  private static String group() {
    return "root:x:0:\n" + GROUP + ":x:1000:" + USER + "\n" + "nogroup:x:65534:\n";
  }

  private static void directory(TarArchiveOutputStream tar, String name, int mode)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | mode);
    put(tar, entry);
  }

  private static void regular(TarArchiveOutputStream tar, String name, Path source, int mode)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | mode);
    entry.setSize(Files.size(source));
    stamp(entry);
    tar.putArchiveEntry(entry);
    Files.copy(source, tar);
    tar.closeArchiveEntry();
  }

  private static void text(TarArchiveOutputStream tar, String name, String content, int mode)
      throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | mode);
    entry.setSize(bytes.length);
    stamp(entry);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static void symlink(TarArchiveOutputStream tar, String name, String target)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
    entry.setLinkName(target);
    put(tar, entry);
  }

  private static void put(TarArchiveOutputStream tar, TarArchiveEntry entry) throws IOException {
    stamp(entry);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  private static void stamp(TarArchiveEntry entry) {
    entry.setUserId(0);
    entry.setGroupId(0);
    entry.setModTime(MTIME_SECONDS * 1000);
  }
}
