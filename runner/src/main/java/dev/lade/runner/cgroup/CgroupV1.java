package dev.lade.runner.cgroup;

import dev.lade.runner.spec.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A cgroup in the v1 hierarchies: one directory per controller (memory, cpu, pids).
 *
 * @param directories the cgroup's directory in each controller's hierarchy, memory's first
 */
public record CgroupV1(List<Path> directories) implements Cgroup {

  /** The controllers lade limits; each is a hierarchy of its own under /sys/fs/cgroup. */
  static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids");

  public CgroupV1 {
    directories = List.copyOf(directories);
  }

  /** Makes {@code relative} in each controller under {@code root} and writes the limits. */
  static CgroupV1 create(Path root, String relative, Resources resources) throws CgroupException {
    List<Path> dirs = new ArrayList<>();
    for (String controller : CONTROLLERS) {
      dirs.add(root.resolve(controller).resolve(relative.replaceFirst("^/+", "")));
    }
    CgroupV1 cgroup = new CgroupV1(dirs);
    try {
      for (Path dir : dirs) {
        CgroupFiles.createDirectories(dir);
      }
      cgroup.limit(resources);
    } catch (CgroupException e) {
      cgroup.remove();
      throw e;
    }
    return cgroup;
  }

  private void limit(Resources resources) throws CgroupException {
    Path memory = directories.get(0);
    Path cpu = directories.get(1);
    Path pids = directories.get(2);
    if (resources.memoryBytes() > 0) {
      CgroupFiles.write(memory.resolve("memory.limit_in_bytes"), Long.toString(resources.memoryBytes()));
      // Only with swap accounting; without it there is no swap limit to set.
      Path memsw = memory.resolve("memory.memsw.limit_in_bytes");
      if (resources.memorySwapBytes() > 0 && Files.exists(memsw)) {
        CgroupFiles.write(memsw, Long.toString(resources.memorySwapBytes()));
      }
    }
    if (resources.cpuShares() > 0) {
      writeShares(cpu.resolve("cpu.shares"), resources.cpuShares());
    }
    if (resources.cpuQuotaMicros() > 0) {
      CgroupFiles.write(cpu.resolve("cpu.cfs_period_us"), Long.toString(resources.cpuPeriodMicros()));
      CgroupFiles.write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(resources.cpuQuotaMicros()));
    }
    if (resources.pidsLimit() > 0) {
      CgroupFiles.write(pids.resolve("pids.max"), Long.toString(resources.pidsLimit()));
    }
  }

  /** The kernel clamps cpu.shares to 2..262144 silently; as runc, lade reads it back and refuses what changed. */
  private static void writeShares(Path file, long shares) throws CgroupException {
    CgroupFiles.write(file, Long.toString(shares));
    long actual = CgroupFiles.readLong(file);
    if (actual != shares) {
      throw new CgroupException("the " + (shares > actual ? "maximum" : "minimum") + " allowed cpu-shares is "
          + actual);
    }
  }

  @Override
  public List<Path> procsFiles() {
    return directories.stream().map(dir -> dir.resolve("cgroup.procs")).toList();
  }

  @Override
  public boolean oomKilled() throws CgroupException {
    // "oom_kill N" counts the kills since kernel 4.13.
    return CgroupFiles.keyedValue(directories.get(0).resolve("memory.oom_control"), "oom_kill") > 0;
  }

  @Override
  public void remove() throws CgroupException {
    for (Path dir : directories) {
      CgroupFiles.remove(dir);
    }
  }
}
