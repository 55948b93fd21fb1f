package dev.lade.runner.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.runner.spec.DockerDefaults;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.ProcessUser;
import dev.lade.runner.spec.Resources;
import dev.lade.runner.spec.RuntimeSpec;
import dev.lade.runner.testing.BusyboxRootfs;
import dev.lade.runner.testing.ContainerRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every backend must do with Docker's defaults; the native launcher and runc/crun run the same checks, the OCI
 * runtimes being the reference.
 */
abstract class IsolationContract {

  @TempDir Path dir;
  Path rootfs;
  ContainerRuntime runtime;

  /** The backend under test, with its state under {@code stateDir}. */
  abstract ContainerRuntime runtime(Path stateDir) throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "containers with cgroup limits need root here (rootless runs need user namespaces and delegation)");
    rootfs = BusyboxRootfs.create(Files.createDirectory(dir.resolve("rootfs")));
    runtime = runtime(dir.resolve("state"));
  }

  /** A spec with a fresh id; its host name is the id, which names the container in the backend. */
  RuntimeSpec spec(String... command) {
    String id = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    return DockerDefaults.spec(rootfs.toString(), id, List.of(command));
  }

  ContainerRun run(RuntimeSpec spec) throws Exception {
    return ContainerRun.run(runtime, spec.hostname(), spec, dir);
  }

  ContainerRun sh(String script) throws Exception {
    return run(spec("sh", "-c", script));
  }

  @Test
  void commandIsPidOneOfItsOwnNamespace() throws Exception {
    ContainerRun run = sh("echo $$; ps -o pid,comm; true"); // true: keeps sh from exec'ing ps
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("1", lines.get(0));
    assertEquals(List.of("1 sh", "ps"), lines.subList(2, lines.size()).stream()
        .map(line -> line.trim().replaceAll("\\s+", " ")).map(line -> line.startsWith("1 ") ? line : "ps").toList(),
        "only the container's own processes are visible: " + run.out());
  }

  @Test
  void ownHostname() throws Exception {
    RuntimeSpec spec = spec("hostname");
    ContainerRun run = ContainerRun.run(runtime, spec.hostname(), spec.withHostname("box-7"), dir);
    assertEquals("box-7\n", run.out());
  }

  @Test
  void exitCodePassesThrough() throws Exception {
    assertEquals(42, sh("exit 42").code());
  }

  @Test
  void pidOneIgnoresUnhandledSignalsFromInside() throws Exception {
    // As in Docker: the kernel drops signals a namespace's init has no handler for, even SIGKILL from inside.
    assertEquals(0, sh("kill -9 $$; echo alive").code());
  }

  @Test
  void signalsAreForwardedToTheContainer() throws Exception {
    Path out = dir.resolve("signal.out");
    RuntimeSpec spec = spec("sh", "-c", "trap 'echo got TERM; exit 5' TERM; echo ready; sleep 30 & wait");
    Stdio stdio = new Stdio(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()),
        ProcessBuilder.Redirect.to(out.toFile()), ProcessBuilder.Redirect.INHERIT);
    try (Execution execution = runtime.start(spec.hostname(), spec, stdio)) {
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!Files.readString(out).contains("ready") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      execution.terminate();
      assertEquals(5, execution.waitFor().code());
    }
    assertEquals("ready\ngot TERM\n", Files.readString(out));
  }

  @Test
  void missingCommandIs127() throws Exception {
    LaunchException e = assertThrows(LaunchException.class, () -> run(spec("no-such-command")));
    assertEquals(127, e.exitCode());
    assertTrue(e.getMessage().contains("no-such-command"), e.getMessage());
  }

  @Test
  void notExecutableIs126() throws Exception {
    Files.writeString(rootfs.resolve("script"), "#!/bin/sh\necho hi\n");
    LaunchException e = assertThrows(LaunchException.class, () -> run(spec("/script")));
    assertEquals(126, e.exitCode());
  }

  @Test
  void maskedPathsAreEmptyAndReadOnlyPathsRefuseWrites() throws Exception {
    ContainerRun run = sh("ls /sys/firmware | wc -l; cat /proc/timer_list | wc -c; "
        + "echo 1 > /proc/sys/vm/drop_caches && echo wrote; echo 1 > /proc/sysrq-trigger && echo wrote; true");
    assertEquals(List.of("0", "0"), run.out().lines().map(String::trim).toList(), run.err());
    assertTrue(run.err().contains("Read-only file system"), run.err());
  }

  @Test
  void chrootEscapeIsContained() throws Exception {
    // The classic escape: chroot into a subdirectory while keeping a handle on the old root, then climb out.
    // With pivot_root and the old root detached, climbing ends at the container's own root.
    Files.writeString(rootfs.resolve("inside-marker"), "inside");
    ContainerRun run = sh("mkdir -p /jail && cd / && chroot /jail /bin/sh -c true 2>/dev/null; "
        + "cd /; for i in 1 2 3 4 5 6 7 8; do cd ..; done; ls / | grep -c inside-marker; "
        + "ls /proc/1/root/ | grep -c inside-marker; test -e /etc/hostname.host-only || echo contained");
    assertEquals(List.of("1", "1", "contained"), run.out().lines().toList(), run.err());
  }

  @Test
  void devHasDockersDevices() throws Exception {
    ContainerRun run = sh("ls /dev; echo x > /dev/null && head -c 4 /dev/zero | wc -c; ls -l /dev/ptmx");
    List<String> out = run.out().lines().toList();
    assertTrue(out.containsAll(List.of("null", "zero", "full", "random", "urandom", "tty", "pts", "shm", "fd",
        "stdin", "stdout", "stderr", "ptmx", "mqueue")), run.out() + run.err());
    assertTrue(out.contains("4"), run.out());
  }

  @Test
  void capabilitiesAreDockersDefaultSet() throws Exception {
    ContainerRun run = sh("grep CapBnd /proc/self/status");
    assertEquals("CapBnd:\t00000000a80425fb\n", run.out(), "Docker's 14 capabilities: " + run.err());
  }

  @Test
  void noNewPrivilegesAndOpenFilesLimit() throws Exception {
    ContainerRun run = sh("grep NoNewPrivs /proc/self/status; ulimit -n");
    assertEquals("NoNewPrivs:\t1\n1024\n", run.out(), run.err());
  }

  @Test
  void runsAsTheGivenUserWithSupplementaryGroups() throws Exception {
    RuntimeSpec spec = spec("id");
    spec = spec.withProcess(spec.process().withUser(new ProcessUser(1000, 1000, List.of(10, 29))));
    ContainerRun run = run(spec);
    assertEquals("uid=1000(app) gid=1000(app) groups=10(wheel),29(audio)", run.out().trim(), run.err());
  }

  @Test
  void nonRootUserHasNoCapabilities() throws Exception {
    RuntimeSpec spec = spec("sh", "-c", "grep CapEff /proc/self/status; touch /root/x");
    spec = spec.withProcess(spec.process().withUser(new ProcessUser(1000, 1000, List.of())));
    ContainerRun run = run(spec);
    assertEquals("CapEff:\t0000000000000000\n", run.out());
    assertEquals(1, run.code(), "a non-root user cannot write root's directory");
  }

  @Test
  void bindMountsReadWriteAndReadOnly() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.writeString(shared.resolve("from-host"), "hello");
    RuntimeSpec spec = spec("sh", "-c", "cat /data/from-host; echo back > /data/from-container; "
        + "echo no > /ro/x || echo refused").withExtraMounts(List.of(
            Mount.bind(shared.toString(), "/data", false), Mount.bind(shared.toString(), "/ro", true)));
    ContainerRun run = run(spec);
    assertEquals("hellorefused\n", run.out(), run.err());
    assertEquals("back\n", Files.readString(shared.resolve("from-container")));
    assertFalse(Files.exists(shared.resolve("x")));
  }

  @Test
  void readOnlyRootAndTmpfs() throws Exception {
    RuntimeSpec spec = spec("sh", "-c", "touch /x || echo refused; touch /scratch/y && echo scratch")
        .withRootReadonly(true).withExtraMounts(List.of(Mount.tmpfs("/scratch")));
    ContainerRun run = run(spec);
    assertEquals("refused\nscratch\n", run.out(), run.err());
  }

  @Test
  void workingDirectoryAndEnvironment() throws Exception {
    RuntimeSpec spec = spec("sh", "-c", "pwd; echo $GREETING");
    spec = spec.withProcess(spec.process().withCwd("/tmp").withEnv(List.of("PATH=/bin", "GREETING=hi there")));
    assertEquals("/tmp\nhi there\n", run(spec).out());
  }

  @Test
  void memoryLimitOomKillExits137() throws Exception {
    RuntimeSpec spec = spec("sh", "-c", "x=$(head -c 64m /dev/zero | tr '\\0' a); echo survived");
    spec = spec.withLinux(spec.linux().withResources(Resources.NONE.withMemory(16L << 20)));
    ContainerRun run = run(spec);
    assertEquals(137, run.code(), run.out() + run.err());
    assertFalse(run.out().contains("survived"));
    assertOomReported(run);
  }

  /** Whether the backend can tell an OOM kill from another SIGKILL. */
  void assertOomReported(ContainerRun run) {
    assertTrue(run.status().oomKilled(), "reported as an OOM kill");
  }

  @Test
  void pidsLimitBites() throws Exception {
    RuntimeSpec unlimited = spec("sh", "-c", "for i in 1 2 3 4 5 6 7 8; do sleep 1 & done; echo started; wait");
    assertEquals("started\n", run(unlimited).out(), "eight children without a limit");
    RuntimeSpec limited = unlimited.withLinux(unlimited.linux().withResources(Resources.NONE.withPidsLimit(4)));
    ContainerRun run = run(limited);
    assertEquals(2, run.code(), "busybox sh gives up when fork fails");
    assertTrue(run.err().contains("can't fork"), run.err());
  }
}
