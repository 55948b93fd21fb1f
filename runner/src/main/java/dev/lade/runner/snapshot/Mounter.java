package dev.lade.runner.snapshot;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Mounts snapshots on their root filesystems in this process's mount namespace, and undoes them. {@link #libc()}
 * calls the kernel from this process; lade run uses its native launcher instead, which spares it the start-up of
 * an FFI library.
 */
public interface Mounter {

  /** Performs {@code mount}. */
  void mount(MountSpec mount) throws IOException;

  /** Unmounts {@code target}; a busy mount is detached lazily instead. */
  void unmount(Path target) throws IOException;

  /** Mounts through libc in this process (jnr-ffi). */
  static Mounter libc() {
    return LibcMounter.INSTANCE;
  }
}
