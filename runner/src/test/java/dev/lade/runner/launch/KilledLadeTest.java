package dev.lade.runner.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.runner.cgroup.Cgroups;
import dev.lade.runner.spec.DockerDefaults;
import dev.lade.runner.spec.Resources;
import dev.lade.runner.spec.RuntimeSpec;
import dev.lade.runner.testing.BusyboxRootfs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lade killed with SIGKILL mid-run: the kernel ends its native container, runc outlives it with its container;
 * the next lade removes what is left either way.
 */
class KilledLadeTest {

  static final String ID = "killed-lade";

  @TempDir Path dir;

  /** The "lade" that gets killed: starts a container that would run a minute and waits. */
  public static void main(String[] args) throws Exception {
    Path rootfs = Path.of(args[1]);
    RuntimeSpec spec = DockerDefaults.spec(rootfs.toString(), ID, List.of("sh", "-c", "echo started; sleep 60"));
    spec = spec.withLinux(spec.linux().withResources(Resources.NONE.withPidsLimit(10)));
    ContainerRuntime runtime = args.length > 2 ? OciRuntime.onPath(args[2], Path.of(args[0]).resolve("state"))
        : runtime(Path.of(args[0]));
    runtime.start(ID, spec, Stdio.INHERIT);
    System.out.println("launched");
    Thread.sleep(60_000);
  }

  static NativeRuntime runtime(Path dir) throws Exception {
    return new NativeRuntime(LauncherBinary.extract(dir.resolve("cache")), dir.resolve("state"), Cgroups.ROOT, false);
  }

  @Test
  void nothingIsLeftAfterTheNextStart() throws Exception {
    Path pids = killLadeWhileItsContainerRuns();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!Files.readString(pids.resolve("cgroup.procs")).isBlank() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals("", Files.readString(pids.resolve("cgroup.procs")).strip(), "the container died with lade");
    assertTrue(Files.isDirectory(dir.resolve("state").resolve(ID)), "its state is left behind");

    assertEquals(List.of(ID), runtime(dir).cleanupStale());
    assertFalse(Files.exists(pids), "cgroup removed");
    assertFalse(Files.exists(Cgroups.ROOT.resolve("memory/lade/" + ID)), "cgroup removed");
    assertFalse(Files.exists(dir.resolve("state").resolve(ID)), "state removed");
  }

  @Test
  void runcsOrphanedContainerIsEndedAtTheNextStart() throws Exception {
    Path pids = killLadeWhileItsContainerRuns("runc");
    assertFalse(Files.readString(pids.resolve("cgroup.procs")).isBlank(), "runc runs on without lade");

    assertEquals(List.of(ID), OciRuntime.onPath("runc", dir.resolve("state")).cleanupStale());
    assertFalse(Files.exists(pids), "cgroup removed");
    assertFalse(Files.exists(dir.resolve("state").resolve(ID)), "bundle removed");
    assertFalse(Files.exists(dir.resolve("state/.runtime").resolve(ID)), "runc's state removed");
  }

  /** Starts a lade that runs a container, kills it with SIGKILL once the container runs; returns its pids cgroup. */
  private Path killLadeWhileItsContainerRuns(String... runtime) throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "cgroups need root here");
    Assumptions.assumeFalse(Cgroups.isUnified(Cgroups.ROOT), "the v1 paths of this host");
    Path rootfs = BusyboxRootfs.create(Files.createDirectory(dir.resolve("rootfs")));
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        KilledLadeTest.class.getName(), dir.toString(), rootfs.toString()));
    command.addAll(List.of(runtime));
    Process lade = new ProcessBuilder(command).redirectErrorStream(true).start();
    Path pids = Cgroups.ROOT.resolve("pids/lade/" + ID);
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(lade.getInputStream()));
      assertEquals(List.of("launched", "started"), List.of(out.readLine(), out.readLine()).stream().sorted().toList());
      assertTrue(Files.readString(pids.resolve("cgroup.procs")).strip().lines().count() >= 1, "container running");
    } finally {
      lade.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
      lade.waitFor(10, TimeUnit.SECONDS);
    }
    return pids;
  }
}
