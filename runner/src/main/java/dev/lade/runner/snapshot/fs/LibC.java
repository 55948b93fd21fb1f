package dev.lade.runner.snapshot.fs;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.dev_t;
import jnr.ffi.types.gid_t;
import jnr.ffi.types.mode_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.uid_t;

/**
 * The libc calls the JDK and jnr-posix lack: device nodes, extended attributes, mounts. Public
 * only because jnr-ffi implements it in another class loader; call {@link Posix} instead.
 */
public interface LibC {
  @SaveError
  int mknod(String path, @mode_t int mode, @dev_t long dev);

  @SaveError
  int lchown(String path, @uid_t int uid, @gid_t int gid);

  @SaveError
  int chmod(String path, @mode_t int mode);

  @SaveError
  int lsetxattr(String path, String name, @In byte[] value, @size_t long size, int flags);

  @SaveError
  @ssize_t long lgetxattr(String path, String name, @Out byte[] value, @size_t long size);

  @SaveError
  @ssize_t long llistxattr(String path, @Out byte[] list, @size_t long size);

  @SaveError
  int lremovexattr(String path, String name);

  @SaveError
  int utimensat(int dirfd, String path, @In long[] times, int flags);

  @SaveError
  int mount(String source, String target, String type, long flags, String data);

  @SaveError
  int umount2(String target, int flags);

}
