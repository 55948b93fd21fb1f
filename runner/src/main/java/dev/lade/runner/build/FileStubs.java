package dev.lade.runner.build;

import dev.lade.runner.spec.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The empty files the launcher creates in the root filesystem to bind files onto ({@code
 * /etc/hosts}, secrets, an SSH socket) when the image has none there. BuildKit removes them after
 * the step, so they never reach the layer; the directories made for mounts stay, as they do in
 * BuildKit's layers.
 */
final class FileStubs {
  private final StepRootfs rootfs;
  private final List<String> absent;

  private FileStubs(StepRootfs rootfs, List<String> absent) {
    this.rootfs = rootfs;
    this.absent = absent;
  }

  /** Notes which file mounts' targets do not exist yet in {@code rootfs}. */
  static FileStubs before(StepRootfs rootfs, List<Mount> mounts) throws IOException {
    List<String> absent = new ArrayList<>();
    for (Mount m : mounts) {
      if (!m.isBind() || Files.isDirectory(Path.of(m.source()))) continue;
      if (!rootfs.exists(m.destination())) absent.add(m.destination());
    }
    return new FileStubs(rootfs, absent);
  }

  /** Removes the stubs made for the noted targets, if they are still empty files. */
  void remove() throws IOException {
    for (String target : absent) {
      Optional<Path> stub = rootfs.locate(target);
      if (stub.isPresent() && Files.isRegularFile(stub.get(), LinkOption.NOFOLLOW_LINKS)
          && Files.size(stub.get()) == 0) {
        Files.delete(stub.get());
      }
    }
  }
}
