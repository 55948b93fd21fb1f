package dev.lade.runner.snapshot;

import dev.lade.runner.snapshot.fs.Posix;
import dev.lade.runner.snapshot.fs.PosixException;
import java.io.IOException;
import java.nio.file.Path;

/** {@link Mounter#libc()}: mount(2) and umount2(2) called from this process. */
enum LibcMounter implements Mounter {
  INSTANCE;

  @Override
  public void mount(MountSpec m) throws IOException {
    try {
      Posix.mount(m.source(), m.target(), m.type(), m.data());
    } catch (PosixException e) {
      if (e.errno() != Posix.EPERM) throw e;
      throw new IOException("mounting an overlay in this namespace needs root; let the launcher mount "
          + "the snapshot's MountSpec in its user namespace instead (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void unmount(Path target) throws IOException {
    Posix.unmount(target);
  }
}
