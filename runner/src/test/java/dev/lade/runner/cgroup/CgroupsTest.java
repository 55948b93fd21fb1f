package dev.lade.runner.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.runner.spec.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control files written, on a directory tree standing in for /sys/fs/cgroup. */
class CgroupsTest {

  static final Resources LIMITS = Resources.NONE.withMemory(256L << 20).withCpus(1.5).withCpuShares(512)
      .withPidsLimit(100);

  @TempDir Path root;

  @Test
  void v1WritesEachControllersFiles() throws Exception {
    for (String controller : List.of("memory", "cpu", "pids")) {
      Files.createDirectories(root.resolve(controller));
    }
    Files.createDirectories(root.resolve("memory/lade/c1"));
    Files.writeString(root.resolve("memory/lade/c1/memory.memsw.limit_in_bytes"), "max");
    Cgroup cgroup = Cgroups.create(root, "/lade/c1", LIMITS);

    assertInstanceOf(CgroupV1.class, cgroup);
    assertEquals("268435456", read("memory/lade/c1/memory.limit_in_bytes"));
    assertEquals("536870912", read("memory/lade/c1/memory.memsw.limit_in_bytes"));
    assertEquals("150000", read("cpu/lade/c1/cpu.cfs_quota_us"));
    assertEquals("100000", read("cpu/lade/c1/cpu.cfs_period_us"));
    assertEquals("512", read("cpu/lade/c1/cpu.shares"));
    assertEquals("100", read("pids/lade/c1/pids.max"));
    assertEquals(List.of(root.resolve("memory/lade/c1/cgroup.procs"), root.resolve("cpu/lade/c1/cgroup.procs"),
        root.resolve("pids/lade/c1/cgroup.procs")), cgroup.procsFiles());

    assertFalse(cgroup.oomKilled());
    Files.writeString(root.resolve("memory/lade/c1/memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");
    assertTrue(cgroup.oomKilled());
  }

  @Test
  void v2WritesUnifiedFilesAndDelegatesControllers() throws Exception {
    Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids");
    Cgroup cgroup = Cgroups.create(root, "/lade/c2", LIMITS);

    assertInstanceOf(CgroupV2.class, cgroup);
    assertEquals("+memory +cpu +pids", read("cgroup.subtree_control"));
    assertEquals("+memory +cpu +pids", read("lade/cgroup.subtree_control"));
    assertEquals("268435456", read("lade/c2/memory.max"));
    assertEquals("268435456", read("lade/c2/memory.swap.max"), "v2 limits swap alone");
    assertEquals("150000 100000", read("lade/c2/cpu.max"));
    assertEquals("20", read("lade/c2/cpu.weight"));
    assertEquals("100", read("lade/c2/pids.max"));
    Files.writeString(root.resolve("lade/c2/memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n");
    assertTrue(cgroup.oomKilled());
  }

  @Test
  void sharesToWeightAsRunc() {
    assertEquals(1, CgroupV2.weight(2));
    assertEquals(39, CgroupV2.weight(1024));
    assertEquals(10000, CgroupV2.weight(262144));
  }

  @Test
  void noCgroupFilesystemIsOneClearError() {
    CgroupException e = org.junit.jupiter.api.Assertions.assertThrows(CgroupException.class,
        () -> Cgroups.create(root, "/lade/x", Resources.NONE));
    assertTrue(e.getMessage().startsWith("no cgroup filesystem at " + root), e.getMessage());
  }

  private String read(String relative) throws Exception {
    return Files.readString(root.resolve(relative));
  }
}
