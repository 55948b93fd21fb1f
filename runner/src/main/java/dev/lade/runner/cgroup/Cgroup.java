package dev.lade.runner.cgroup;

import java.nio.file.Path;
import java.util.List;

/**
 * A container's cgroup with its limits already written: whatever joins it is limited from then on.
 *
 * <p>Made by {@link Cgroups#create}; {@link #remove} once its processes are gone.
 */
public sealed interface Cgroup permits CgroupV1, CgroupV2 {

  /** The {@code cgroup.procs} files a process writes itself into to join (one per v1 hierarchy). */
  List<Path> procsFiles();

  /** Whether the kernel's OOM killer killed a process of this cgroup. */
  boolean oomKilled() throws CgroupException;

  /** Removes the cgroup; waits briefly for the kernel to let go of exited processes. */
  void remove() throws CgroupException;
}
