package dev.lade.runner.launch;

import dev.lade.runner.snapshot.fs.Posix;
import dev.lade.runner.spec.DockerDefaults;
import dev.lade.runner.spec.IdMapping;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.Namespace;
import dev.lade.runner.spec.ProcessUser;
import dev.lade.runner.spec.RuntimeSpec;
import dev.lade.runner.testing.BusyboxRootfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * The launcher run by an unprivileged user (nobody, through setpriv) with the spec {@link Rootless} adapts: a user
 * namespace makes them the container's root, with Docker's isolation otherwise unchanged.
 */
class RootlessTest {

  static final long NOBODY = 65534;
  static final RuntimeSpec SPEC = DockerDefaults.spec("/rootfs", "rootless", List.of("id"));

  @TempDir Path dir;

  @Test
  void adaptedAsRuncsRootlessSpec() throws Exception {
    RuntimeSpec spec = Rootless.adapt(SPEC, 1000, 1001);
    assertTrue(spec.linux().namespaces().contains(Namespace.USER));
    assertEquals(List.of(new IdMapping(0, 1000, 1)), spec.linux().uidMappings());
    assertEquals(List.of(new IdMapping(0, 1001, 1)), spec.linux().gidMappings());
    Mount devpts = spec.mounts().stream().filter(m -> m.type().equals("devpts")).findFirst().orElseThrow();
    assertFalse(devpts.options().contains("gid=5"), "gid 5 is not mapped");
    assertTrue(spec.mounts().stream().noneMatch(m -> m.type().equals("cgroup")));
    assertTrue(spec.mounts().stream().anyMatch(m -> m.type().equals("sysfs")), "own network: sysfs mounts");

    RuntimeSpec hostNetwork = SPEC.withLinux(SPEC.linux().withNamespaces(Set.of(Namespace.PID, Namespace.MOUNT)));
    Mount sys = Rootless.adapt(hostNetwork, 1000, 1000).mounts().stream()
        .filter(m -> m.destination().equals("/sys")).findFirst().orElseThrow();
    assertEquals(Mount.bind("/sys", "/sys", true).source(), sys.source());
    assertTrue(sys.isBind() && sys.options().contains("ro"), sys.toString());
  }

  @Test
  void onlyRootExistsInASingleIdMapping() {
    RuntimeSpec asApp = SPEC.withProcess(SPEC.process().withUser(new ProcessUser(1000, 1000, List.of())));
    LaunchException e = assertThrows(LaunchException.class, () -> Rootless.adapt(asApp, 1000, 1000));
    assertEquals(125, e.exitCode());
    assertTrue(e.getMessage().startsWith("user 1000:1000 does not exist in a rootless container"), e.getMessage());
  }

  @Test
  void nobodyRunsAnIsolatedContainer() throws Exception {
    Run run = runAsNobody(Rootless.adapt(spec("sh", "-c", "id -u; cat /proc/self/uid_map; echo $$; hostname; "
        + "grep -E '^(CapEff|NoNewPrivs|Seccomp):' /proc/self/status; cat /proc/timer_list | wc -c; "
        + "set -- /proc/[0-9]*; echo $#; touch /proc/sys/x 2>/dev/null || echo ro"), NOBODY, NOBODY));
    assertEquals(0, run.code(), run.err() + StateDirectory.readIfPresent(dir.resolve("state/error")));
    assertEquals(List.of("0", "0 65534 1", "1", "rootless", "CapEff: 00000000a80425fb", "NoNewPrivs: 1",
        "Seccomp: 2", "0", "1", "ro"), run.out().lines().map(line -> line.trim().replaceAll("\\s+", " ")).toList());
  }

  @Test
  void withoutAUserNamespaceNobodyGetsOneClearLine() throws Exception {
    Run run = runAsNobody(spec("true"));
    assertEquals(125, run.code());
    assertEquals("lade-launch: cannot create namespaces: Operation not permitted (containers need root, or a user"
        + " namespace of their own)\n", run.err());
  }

  private RuntimeSpec spec(String... command) throws Exception {
    Assumptions.assumeTrue(Posix.isRoot(), "setpriv to nobody needs root");
    Path rootfs = BusyboxRootfs.create(Files.createDirectory(dir.resolve("rootfs")));
    for (String mountPoint : List.of("proc", "dev", "sys")) {
      Files.createDirectory(rootfs.resolve(mountPoint)); // as in images: root's files are read-only to nobody
    }
    return DockerDefaults.spec(rootfs.toString(), "rootless", List.of(command));
  }

  private record Run(int code, String out, String err) {}

  /** The launcher as nobody; its files readable, its state directory theirs. */
  private Run runAsNobody(RuntimeSpec spec) throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path launcher = LauncherBinary.extract(dir.resolve("cache"));
    for (Path p = launcher.getParent(); !p.equals(dir); p = p.getParent()) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path state = Files.createDirectory(dir.resolve("state"));
    Files.setAttribute(state, "unix:uid", (int) NOBODY);
    Path specFile = Files.write(dir.resolve("spec"), LauncherSpec.encode(spec, state.resolve("error"), List.of(),
        false, false));
    Process process = new ProcessBuilder("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
        launcher.toString(), specFile.toString()).redirectInput(Path.of("/dev/null").toFile()).start();
    String out = new String(process.getInputStream().readAllBytes());
    String err = new String(process.getErrorStream().readAllBytes());
    return new Run(process.waitFor(), out, err);
  }
}
