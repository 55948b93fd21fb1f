package dev.lade.runner.snapshot.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jnr.constants.platform.Errno;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * The system calls snapshots need, none of which follows a symbolic link at the end of a path.
 * Failures throw {@link PosixException}.
 */
public final class Posix {
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EBUSY = 16;
  public static final int EINVAL = 22;
  public static final int ENODATA = 61;
  public static final int EOPNOTSUPP = 95;

  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  private static final int MNT_DETACH = 2;
  private static final int XATTR_LIST_MAX = 64 * 1024;

  private Posix() {}

  /**
   * libc bound through jnr-ffi, whose start-up (loading its native stub, generating the bindings) costs several
   * hundred milliseconds: done on the first call that needs it, never for {@link #isRoot}.
   */
  private static final class Native {
    static final LibC LIBC = load();
    static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

    /**
     * With jnr's reflection binder: its default one generates and verifies bytecode for the bindings at every
     * start, 0.1 CPU-s more than the few calls a build or an unpack makes win back (bench/RESULTS.md, RUN build).
     * jnr reads the property once, when it first loads a library; a user's own setting is kept.
     */
    private static LibC load() {
      if (System.getProperty(ASM_PROPERTY) == null) System.setProperty(ASM_PROPERTY, "false");
      return LibraryLoader.create(LibC.class).load("c");
    }
  }

  private static final String ASM_PROPERTY = "jnr.ffi.asm.enabled";

  /** Whether this process runs as root (effective uid 0). */
  public static boolean isRoot() {
    return EffectiveIds.IDS[0] == 0;
  }

  /** This process's effective user and group ids. */
  public static long[] effectiveIds() {
    return EffectiveIds.IDS.clone();
  }

  /**
   * Read from /proc/self/status, which needs no FFI. Not /proc/self's owner: a process that changed
   * its ids (setpriv, su) may be non-dumpable, and then /proc/self belongs to root.
   */
  private static final class EffectiveIds {
    static final long[] IDS = read();

    private static long[] read() {
      try {
        long uid = -1;
        long gid = -1;
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
          // "Uid:\treal\teffective\tsaved\tfs"
          if (line.startsWith("Uid:")) uid = Long.parseLong(line.split("\\s+")[2]);
          if (line.startsWith("Gid:")) gid = Long.parseLong(line.split("\\s+")[2]);
        }
        if (uid < 0 || gid < 0) throw new IOException("no Uid:/Gid: lines in /proc/self/status");
        return new long[] {uid, gid};
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read this process's ids from /proc/self/status", e);
      }
    }
  }

  /** Creates a device node, FIFO or whiteout; {@code mode} carries the file type bits. */
  public static void mknod(Path path, int mode, long major, long minor) throws PosixException {
    check(Native.LIBC.mknod(path.toString(), mode, makedev(major, minor)), "mknod", path);
  }

  /** Changes the owner of {@code path} itself. */
  public static void lchown(Path path, long uid, long gid) throws PosixException {
    check(Native.LIBC.lchown(path.toString(), (int) uid, (int) gid), "lchown", path);
  }

  /** Sets all twelve permission bits (the JDK's permission view cannot set setuid, setgid and sticky). */
  public static void chmod(Path path, int mode) throws PosixException {
    check(Native.LIBC.chmod(path.toString(), mode & 07777), "chmod", path);
  }

  /** Sets the modification (and access) time of {@code path} itself. */
  public static void setModTime(Path path, Instant time) throws PosixException {
    long[] times = {time.getEpochSecond(), time.getNano(), time.getEpochSecond(), time.getNano()};
    check(Native.LIBC.utimensat(AT_FDCWD, path.toString(), times, AT_SYMLINK_NOFOLLOW), "utimensat", path);
  }

  /** Sets an extended attribute of {@code path} itself. */
  public static void setXattr(Path path, String name, byte[] value) throws PosixException {
    check(Native.LIBC.lsetxattr(path.toString(), name, value, value.length, 0), "lsetxattr " + name, path);
  }

  /** An extended attribute of {@code path} itself, if present. */
  public static Optional<byte[]> getXattr(Path path, String name) throws PosixException {
    byte[] buffer = new byte[XATTR_LIST_MAX];
    long n = Native.LIBC.lgetxattr(path.toString(), name, buffer, buffer.length);
    if (n < 0) {
      int errno = LastError.getLastError(Native.RUNTIME);
      if (errno == ENODATA || errno == EOPNOTSUPP) return Optional.empty();
      throw failure("lgetxattr " + name, path, errno);
    }
    byte[] value = new byte[(int) n];
    System.arraycopy(buffer, 0, value, 0, (int) n);
    return Optional.of(value);
  }

  /** The names of the extended attributes of {@code path} itself. */
  public static List<String> listXattrs(Path path) throws PosixException {
    byte[] buffer = new byte[XATTR_LIST_MAX];
    long n = Native.LIBC.llistxattr(path.toString(), buffer, buffer.length);
    if (n < 0) {
      int errno = LastError.getLastError(Native.RUNTIME);
      if (errno == EOPNOTSUPP) return List.of();
      throw failure("llistxattr", path, errno);
    }
    List<String> names = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (buffer[i] == 0) {
        names.add(new String(buffer, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return names;
  }

  /** Removes an extended attribute of {@code path} itself if present. */
  public static void removeXattr(Path path, String name) throws PosixException {
    if (Native.LIBC.lremovexattr(path.toString(), name) < 0) {
      int errno = LastError.getLastError(Native.RUNTIME);
      if (errno != ENODATA) throw failure("lremovexattr " + name, path, errno);
    }
  }

  /** Mounts a file system of {@code type} on {@code target} with {@code options}. */
  public static void mount(String source, Path target, String type, String options) throws PosixException {
    check(Native.LIBC.mount(source, target.toString(), type, 0, options), "mount " + type + " on", target);
  }

  /** Unmounts {@code target}; a busy mount is detached lazily instead. */
  public static void unmount(Path target) throws PosixException {
    if (Native.LIBC.umount2(target.toString(), 0) == 0) return;
    int errno = LastError.getLastError(Native.RUNTIME);
    if (errno != EBUSY) throw failure("umount", target, errno);
    check(Native.LIBC.umount2(target.toString(), MNT_DETACH), "umount (detach)", target);
  }

  /** Linux's encoding of a device number, as glibc's {@code makedev}. */
  static long makedev(long major, long minor) {
    return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8)
        | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
  }

  private static void check(long result, String call, Path path) throws PosixException {
    if (result < 0) throw failure(call, path, LastError.getLastError(Native.RUNTIME));
  }

  private static PosixException failure(String call, Path path, int errno) {
    Errno e = Errno.valueOf(errno);
    String meaning = e == null || e == Errno.__UNKNOWN_CONSTANT__ ? "errno " + errno : e.description();
    return new PosixException(call, path.toString(), errno, meaning);
  }
}
