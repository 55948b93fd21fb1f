package dev.lade.runner.snapshot.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * What {@code lstat} says about a path: the file type and permission bits ({@code mode}), inode,
 * links, numeric owner, device number, size and modification time.
 */
public record FileStat(
    int mode, long dev, long ino, int nlink, long uid, long gid, long rdev, long size, Instant modTime) {
  public static final int S_IFMT = 0170000;
  public static final int S_IFSOCK = 0140000;
  public static final int S_IFLNK = 0120000;
  public static final int S_IFREG = 0100000;
  public static final int S_IFBLK = 0060000;
  public static final int S_IFDIR = 0040000;
  public static final int S_IFCHR = 0020000;
  public static final int S_IFIFO = 0010000;

  /** The status of {@code path} itself (a symbolic link is not followed). */
  public static FileStat of(Path path) throws IOException {
    Map<String, Object> a = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
    return new FileStat(
        (Integer) a.get("mode"), (Long) a.get("dev"), (Long) a.get("ino"), (Integer) a.get("nlink"),
        ((Integer) a.get("uid")) & 0xffffffffL, ((Integer) a.get("gid")) & 0xffffffffL,
        (Long) a.get("rdev"), (Long) a.get("size"), ((FileTime) a.get("lastModifiedTime")).toInstant());
  }

  /** The file type bits. */
  public int type() {
    return mode & S_IFMT;
  }

  /** The permission bits, including setuid, setgid and sticky. */
  public int permissions() {
    return mode & 07777;
  }

  public boolean isDirectory() {
    return type() == S_IFDIR;
  }

  public boolean isRegularFile() {
    return type() == S_IFREG;
  }

  public boolean isSymlink() {
    return type() == S_IFLNK;
  }

  /** Whether this is an overlay whiteout: a character device with number 0/0. */
  public boolean isWhiteoutDevice() {
    return type() == S_IFCHR && rdev == 0;
  }

  /** The major number of a device, as glibc's {@code major}. */
  public long major() {
    return ((rdev >>> 32) & 0xfffff000L) | ((rdev >>> 8) & 0xfffL);
  }

  /** The minor number of a device, as glibc's {@code minor}. */
  public long minor() {
    return ((rdev >>> 12) & 0xffffff00L) | (rdev & 0xffL);
  }
}
