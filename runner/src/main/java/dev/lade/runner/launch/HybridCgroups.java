package dev.lade.runner.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * crun on a hybrid cgroup host. crun refuses to run anything when the v2 hierarchy
 * ({@code /sys/fs/cgroup/unified}) holds a controller ("cgroups in hybrid mode not supported"), although it then
 * limits containers through the v1 controllers alone. lade runs it in a mount namespace of its own where that
 * controller list reads empty, so that crun works where runc does; the container's rootfs does not see it.
 */
final class HybridCgroups {

  private HybridCgroups() {}

  /**
   * The command that starts {@code binary} in front of its own arguments: nothing for runc or a host without
   * controllers in its v2 hierarchy; for crun on such a host, {@code unshare} and a bind mount over the list.
   */
  static List<String> wrapperFor(Path binary, Path cgroupRoot) {
    Path controllers = cgroupRoot.resolve("unified/cgroup.controllers");
    if (!binary.getFileName().toString().equals("crun") || isBlank(controllers)) {
      return List.of();
    }
    // unshare and sh exec, so the process lade waits for and signals is crun itself.
    return List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
        "mount --bind /dev/null " + controllers + " && exec \"$0\" \"$@\"");
  }

  private static boolean isBlank(Path file) {
    try {
      return !Files.exists(file) || Files.readString(file).isBlank();
    } catch (IOException unreadable) {
      return true;
    }
  }
}
