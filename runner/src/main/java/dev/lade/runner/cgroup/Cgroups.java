package dev.lade.runner.cgroup;

import dev.lade.runner.spec.Resources;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds which cgroup version the machine uses and makes cgroups in it. */
public final class Cgroups {

  /** Where cgroup filesystems are mounted. */
  public static final Path ROOT = Path.of("/sys/fs/cgroup");

  private Cgroups() {}

  /** Whether {@code root} is the unified (v2) hierarchy rather than v1 (or hybrid) controllers. */
  public static boolean isUnified(Path root) {
    return Files.exists(root.resolve("cgroup.controllers"));
  }

  /**
   * Makes the cgroup {@code relative} (e.g. {@code /lade/ID}) under {@code root} with {@code resources} written, in
   * v2 when {@code root} is unified, else in the v1 memory, cpu and pids hierarchies.
   */
  public static Cgroup create(Path root, String relative, Resources resources) throws CgroupException {
    if (isUnified(root)) {
      return CgroupV2.create(root, relative, resources);
    }
    if (!Files.isDirectory(root.resolve("memory"))) {
      throw new CgroupException("no cgroup filesystem at " + root + " (mount cgroup2 or the v1 controllers)");
    }
    return CgroupV1.create(root, relative, resources);
  }

  /** The cgroup {@code relative} as {@link #create} would have made it, to remove what a dead lade left. */
  public static Cgroup existing(Path root, String relative) {
    String path = relative.replaceFirst("^/+", "");
    if (isUnified(root)) {
      return new CgroupV2(root.resolve(path));
    }
    return new CgroupV1(CgroupV1.CONTROLLERS.stream().map(c -> root.resolve(c).resolve(path)).toList());
  }
}
