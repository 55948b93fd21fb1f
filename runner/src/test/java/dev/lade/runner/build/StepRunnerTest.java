package dev.lade.runner.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.archive.ImageImporter;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.ResolvedImage;
import dev.lade.runner.cgroup.Cgroups;
import dev.lade.runner.launch.LauncherBinary;
import dev.lade.runner.launch.NativeRuntime;
import dev.lade.runner.snapshot.Snapshotters;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.snapshot.fs.Posix;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.testing.BusyboxRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RUN steps in real containers on snapshots of an imported busybox image. */
class StepRunnerTest {
  @TempDir static Path tmp;
  private static List<SnapshotLayer> chain;
  private static StepRunner runner;

  @BeforeAll
  static void image() throws Exception {
    assumeTrue(Posix.isRoot(), "RUN steps need root here (namespaces, mounts); CI runs the suite as root");
    Path rootfs = BusyboxRootfs.create(tmp.resolve("rootfs"));
    Path tarball = tmp.resolve("rootfs.tar");
    Process tar = new ProcessBuilder("tar", "-C", rootfs.toString(), "--numeric-owner", "-cf", tarball.toString(), ".")
        .inheritIO().start();
    assertEquals(0, tar.waitFor());
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    ImageImporter.importTarball(store, tarball, Reference.parse("busybox:steps"), Platform.host(),
        Instant.parse("2024-01-01T00:00:00Z"));
    ResolvedImage image = ImageResolver.forHost(store).resolve("busybox:steps");
    chain = SnapshotLayer.chainOf(image.manifest().value(), image.config().value());
    NativeRuntime runtime = new NativeRuntime(LauncherBinary.extract(tmp.resolve("launcher")), tmp.resolve("state"),
        Cgroups.ROOT, false);
    runner = new StepRunner(Snapshotters.open(tmp.resolve("snapshots"), store.blobs()), runtime, tmp.resolve("scratch"));
  }

  private static StepProcess step(String script, String user, String workdir, List<Mount> mounts, boolean host) {
    return new StepProcess(chain, List.of("/bin/sh", "-c", script), List.of("GREETING=hello"), user, workdir,
        mounts, host);
  }

  @Test
  void successfulStepsChangesBecomeLayerEntries() throws Exception {
    List<String> output = new ArrayList<>();
    try (StepOutcome outcome = runner.run(step("rm /etc/group && mkdir -p /made && echo hi > /made/f"
        + " && ln /made/f /made/h && echo $GREETING && echo oops >&2", "", "/", List.of(), false), output::add)) {
      assertEquals(0, outcome.exitCode());
      Map<String, LayerEntry> changes = outcome.changes().stream()
          .collect(Collectors.toMap(LayerEntry::path, Function.identity()));
      assertTrue(changes.get("etc/group") instanceof LayerEntry.Whiteout, changes.toString());
      assertTrue(changes.get("made/f") instanceof LayerEntry.File, changes.toString());
      assertTrue(changes.get("made/h") instanceof LayerEntry.Hardlink h && h.target().equals("made/f"),
          changes.toString());
      assertFalse(changes.containsKey("etc/hosts"), "the /etc/hosts stub is removed, as BuildKit does");
      assertFalse(changes.containsKey("etc/resolv.conf"), "the /etc/resolv.conf stub is removed");
      try (var in = ((LayerEntry.File) changes.get("made/f")).content().open()) {
        assertEquals("hi\n", new String(in.readAllBytes()), "contents are readable until the outcome is closed");
      }
    }
    assertEquals(List.of("hello", "oops"), output);
  }

  @Test
  void failingStepReportsItsExitCodeAndKeepsNothing() throws Exception {
    List<String> output = new ArrayList<>();
    try (StepOutcome outcome = runner.run(step("echo about to fail; touch /x; exit 3", "", "/", List.of(), false),
        output::add)) {
      assertEquals(3, outcome.exitCode());
      assertTrue(outcome.changes().isEmpty());
    }
    assertEquals(List.of("about to fail"), output);
  }

  @Test
  void processRunsAsBuildKitsSandbox() throws Exception {
    List<String> output = new ArrayList<>();
    String script = "hostname; id -u; echo $HOME; echo $PATH; pwd; cat /etc/hosts";
    try (StepOutcome outcome = runner.run(step(script, "app", "/new/wd", List.of(), false), output::add)) {
      assertEquals(0, outcome.exitCode(), output.toString());
      assertTrue(outcome.changes().stream().anyMatch(e -> e.path().equals("new/wd")), "the working directory is made");
    }
    assertEquals(List.of("buildkitsandbox", "1000", "/home/app",
        "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "/new/wd",
        "127.0.0.1\tlocalhost buildkitsandbox", "::1\tlocalhost ip6-localhost ip6-loopback"), output);
  }

  @Test
  void networkNoneHasOnlyLoopbackAndHostSharesTheHosts() throws Exception {
    String script = "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '";
    List<String> none = new ArrayList<>();
    try (StepOutcome outcome = runner.run(step(script, "", "/", List.of(), false), none::add)) {
      assertEquals(0, outcome.exitCode(), none.toString());
    }
    assertEquals(List.of("lo"), none);
    List<String> host = new ArrayList<>();
    try (StepOutcome outcome = runner.run(step(script, "", "/", List.of(), true), host::add)) {
      assertEquals(0, outcome.exitCode(), host.toString());
    }
    assertEquals(Files.readAllLines(Path.of("/proc/net/dev")).stream().skip(2)
        .map(l -> l.substring(0, l.indexOf(':')).strip()).sorted().toList(), host.stream().sorted().toList());
  }

  @Test
  void mountsAreSeenButLeaveNoTrace() throws Exception {
    Path shared = Files.createDirectories(tmp.resolve("bound"));
    Files.writeString(shared.resolve("in.txt"), "from the host");
    Path secret = Files.writeString(tmp.resolve("secret"), "hush");
    List<Mount> mounts = List.of(Mount.bind(shared.toString(), "/mnt/in", true),
        Mount.bind(secret.toString(), "/run/secrets/s", true),
        new Mount("/scratch", "tmpfs", "tmpfs", List.of("rw", "nosuid", "nodev")));
    List<String> output = new ArrayList<>();
    try (StepOutcome outcome = runner.run(step("cat /mnt/in/in.txt; echo; cat /run/secrets/s; echo x > /scratch/y",
        "", "/", mounts, false), output::add)) {
      assertEquals(0, outcome.exitCode(), output.toString());
      List<String> paths = outcome.changes().stream().map(LayerEntry::path).sorted().toList();
      assertTrue(paths.containsAll(List.of("mnt/in", "run/secrets", "scratch")), paths.toString());
      assertFalse(paths.contains("run/secrets/s"), "a file mount's stub is removed");
      assertFalse(paths.contains("scratch/y") || paths.contains("mnt/in/in.txt"), paths.toString());
    }
    assertEquals(List.of("from the host", "hush"), output);
  }
}
