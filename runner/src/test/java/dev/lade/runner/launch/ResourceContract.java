package dev.lade.runner.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.runner.cgroup.Cgroups;
import dev.lade.runner.spec.Resources;
import dev.lade.runner.spec.RuntimeSpec;
import dev.lade.runner.testing.ContainerRun;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** cgroup limits that bite, in force from the first instruction of the command. */
interface ResourceContract extends Containers {

  @Test
  default void memoryLimitOomKillExits137() throws Exception {
    RuntimeSpec spec = spec("sh", "-c", "x=$(head -c 64m /dev/zero | tr '\\0' a); echo survived");
    spec = spec.withLinux(spec.linux().withResources(Resources.NONE.withMemory(16L << 20)));
    ContainerRun run = run(spec);
    assertEquals(137, run.code(), run.out() + run.err());
    assertFalse(run.out().contains("survived"));
    assertTrue(run.status().oomKilled(), "reported as an OOM kill");
  }

  @Test
  default void pidsLimitCountsEveryTask() throws Exception {
    RuntimeSpec spec = spec("sh", "-c", "for i in $(seq 30); do sleep 5 & echo $i; done");
    assertEquals("30", run(spec).out().strip().lines().reduce((a, b) -> b).orElseThrow(), "no limit, 30 children");
    // Ten tasks: the shell and nine children; the tenth fork fails and busybox sh gives up.
    spec = spec.withLinux(spec.linux().withResources(Resources.NONE.withPidsLimit(10)));
    ContainerRun run = run(spec);
    assertEquals("9", run.out().strip().lines().reduce((a, b) -> b).orElseThrow(), run.err());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("can't fork"), run.err());
  }

  @Test
  default void forkBombStopsAtTheLimit() throws Exception {
    RuntimeSpec spec = spec("sh", "-c", "b() { b | b & }; b; sleep 1");
    spec = spec.withLinux(spec.linux().withResources(Resources.NONE.withPidsLimit(50)));
    long start = System.nanoTime();
    ContainerRun run = run(spec);
    assertTrue(run.err().contains("can't fork"), run.err());
    assertTrue(System.nanoTime() - start < 10_000_000_000L, "the bomb ends with the container's init");
  }

  @Test
  default void limitsAreInForceBeforeTheCommandStarts() throws Exception {
    // With one task allowed, the command itself is the one: its very first fork fails.
    RuntimeSpec spec = spec("sh", "-c", "echo first; (echo forked); echo after");
    spec = spec.withLinux(spec.linux().withResources(Resources.NONE.withPidsLimit(1)));
    ContainerRun run = run(spec);
    assertEquals("first\n", run.out(), run.err());
    assertTrue(run.err().contains("can't fork"), run.err());
  }

  @Test
  default void cgroupHoldsTheLimitsWhileRunningAndIsRemovedAfter() throws Exception {
    RuntimeSpec spec = spec("sh", "-c", "echo started; sleep 0.3");
    spec = spec.withLinux(spec.linux().withResources(Resources.NONE.withMemory(64L << 20).withPidsLimit(77)));
    String relative = spec.linux().cgroupsPath().substring(1);
    Path memory = Cgroups.ROOT.resolve("memory").resolve(relative);
    Path pids = Cgroups.ROOT.resolve("pids").resolve(relative);
    Assumptions.assumeFalse(Cgroups.isUnified(Cgroups.ROOT), "the v1 paths of this host; CgroupsTest covers v2");
    Path out = dir().resolve("started");
    Stdio stdio = new Stdio(Redirect.INHERIT, Redirect.to(out.toFile()), Redirect.INHERIT);
    try (Execution execution = runtime().start(relative.substring("lade/".length()), spec, stdio)) {
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (Files.readString(out).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals("77", Files.readString(pids.resolve("pids.max")).strip());
      assertEquals(Long.toString(64L << 20), Files.readString(memory.resolve("memory.limit_in_bytes")).strip());
      assertEquals(0, execution.waitFor().code());
    }
    assertFalse(Files.exists(memory), "memory cgroup removed");
    assertFalse(Files.exists(pids), "pids cgroup removed");
  }

  @Test
  default void cpuQuotaSlowsABusyLoop() throws Exception {
    // A tenth of a CPU: the loop gets 10ms of each 100ms period, so it takes about ten times its CPU time.
    String loop = "time -f '%e %U %S' sh -c 'i=0; while [ $i -lt 50000 ]; do i=$((i+1)); done'";
    RuntimeSpec spec = spec("sh", "-c", loop);
    spec = spec.withLinux(spec.linux().withResources(Resources.NONE.withCpus(0.1).withCpuShares(512)));
    ContainerRun run = run(spec);
    String[] times = run.err().strip().lines().reduce((a, b) -> b).orElseThrow().split(" ");
    double elapsed = Double.parseDouble(times[0]);
    double cpu = Double.parseDouble(times[1]) + Double.parseDouble(times[2]);
    assertTrue(cpu >= 0.03 && elapsed > 4 * cpu, "elapsed " + elapsed + "s for " + cpu + "s of CPU: " + run.err());
  }
}
