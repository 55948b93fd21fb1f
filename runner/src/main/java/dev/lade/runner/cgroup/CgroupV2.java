package dev.lade.runner.cgroup;

import dev.lade.runner.spec.Resources;
import java.nio.file.Path;
import java.util.List;

/**
 * A cgroup in the unified (v2) hierarchy.
 *
 * @param directory the cgroup's directory
 */
public record CgroupV2(Path directory) implements Cgroup {

  /** Makes {@code relative} under {@code root}, enabling the controllers on the way, and writes the limits. */
  static CgroupV2 create(Path root, String relative, Resources resources) throws CgroupException {
    Path dir = root.resolve(relative.replaceFirst("^/+", ""));
    CgroupFiles.createDirectories(dir);
    CgroupV2 cgroup = new CgroupV2(dir);
    try {
      // A controller works in a cgroup only when each ancestor delegates it to its children.
      for (Path parent = dir.getParent(); parent != null && parent.startsWith(root); parent = parent.getParent()) {
        CgroupFiles.write(parent.resolve("cgroup.subtree_control"), "+memory +cpu +pids");
        if (parent.equals(root)) {
          break;
        }
      }
      cgroup.limit(resources);
    } catch (CgroupException e) {
      cgroup.remove();
      throw e;
    }
    return cgroup;
  }

  private void limit(Resources resources) throws CgroupException {
    if (resources.memoryBytes() > 0) {
      CgroupFiles.write(directory.resolve("memory.max"), Long.toString(resources.memoryBytes()));
      if (resources.memorySwapBytes() > resources.memoryBytes()) {
        // v2 limits swap alone, not memory plus swap as v1 and Docker's flag do.
        long swap = resources.memorySwapBytes() - resources.memoryBytes();
        CgroupFiles.write(directory.resolve("memory.swap.max"), Long.toString(swap));
      }
    }
    if (resources.cpuShares() > 0) {
      CgroupFiles.write(directory.resolve("cpu.weight"), Long.toString(weight(resources.cpuShares())));
    }
    if (resources.cpuQuotaMicros() > 0) {
      CgroupFiles.write(directory.resolve("cpu.max"),
          resources.cpuQuotaMicros() + " " + resources.cpuPeriodMicros());
    }
    if (resources.pidsLimit() > 0) {
      CgroupFiles.write(directory.resolve("pids.max"), Long.toString(resources.pidsLimit()));
    }
  }

  /** runc's conversion of v1 shares [2, 262144] to a v2 weight [1, 10000]. */
  static long weight(long shares) {
    long clamped = Math.max(2, Math.min(shares, 262_144));
    return 1 + ((clamped - 2) * 9999) / 262_142;
  }

  @Override
  public List<Path> procsFiles() {
    return List.of(directory.resolve("cgroup.procs"));
  }

  @Override
  public boolean oomKilled() throws CgroupException {
    return CgroupFiles.keyedValue(directory.resolve("memory.events"), "oom_kill") > 0;
  }

  @Override
  public void remove() throws CgroupException {
    CgroupFiles.remove(directory);
  }
}
