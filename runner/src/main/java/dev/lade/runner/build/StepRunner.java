package dev.lade.runner.build;

import dev.lade.oci.layer.LayerEntry;
import dev.lade.runner.container.RootlessOverlay;
import dev.lade.runner.launch.ContainerRuntime;
import dev.lade.runner.launch.Execution;
import dev.lade.runner.launch.LaunchException;
import dev.lade.runner.launch.Stdio;
import dev.lade.runner.snapshot.ActiveSnapshot;
import dev.lade.runner.snapshot.Snapshotter;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.snapshot.fs.Trees;
import dev.lade.runner.spec.DockerDefaults;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.Namespace;
import dev.lade.runner.spec.ProcessSpec;
import dev.lade.runner.spec.RuntimeSpec;
import dev.lade.runner.user.ExecUser;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs RUN steps as BuildKit's executor does: a writable snapshot over the parent's layers, the
 * process in a container named {@code buildkitsandbox} with Docker's isolation, the step's mounts
 * plus BuildKit's {@code /etc/hosts} and {@code /etc/resolv.conf}, and the snapshot's changes as
 * the step's layer.
 */
public final class StepRunner {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");

  private final Snapshotter snapshots;
  private final ContainerRuntime runtime;
  private final Path scratch;

  /**
   * @param snapshots makes the root filesystems (see {@link dev.lade.runner.snapshot.Snapshotters})
   * @param runtime runs the processes
   * @param scratch where each step keeps its output and sandbox files while it runs
   */
  public StepRunner(Snapshotter snapshots, ContainerRuntime runtime, Path scratch) {
    this.snapshots = snapshots;
    this.runtime = runtime;
    this.scratch = scratch;
  }

  /**
   * Runs {@code step} to completion, handing its output (standard output and error together) to
   * {@code output} line by line as it comes.
   *
   * @return the exit code and, on success, the changes; close it once the changes are written
   * @throws IOException when the snapshot cannot be made or read, or the user is unknown
   */
  public StepOutcome run(StepProcess step, Consumer<String> output) throws IOException, InterruptedException {
    Files.createDirectories(scratch);
    Path dir = Files.createTempDirectory(scratch, "run-");
    ActiveSnapshot snapshot;
    try {
      snapshot = snapshots.prepare(step.chain());
    } catch (IOException | RuntimeException e) {
      Trees.deleteTree(dir);
      throw e;
    }
    StepOutcome.Release release = () -> {
      try {
        snapshots.remove(snapshot);
      } finally {
        Trees.deleteTree(dir);
      }
    };
    try {
      StepRootfs rootfs = rootfs(snapshot);
      if (rootfs.rootMount().isEmpty()) snapshots.mount(snapshot);
      int code = execute(step, rootfs, dir, output);
      List<LayerEntry> changes = code == 0 ? snapshots.diff(snapshot) : List.of();
      StepOutcome.Keep keep = layer -> {
        List<SnapshotLayer> chain = new ArrayList<>(step.chain());
        chain.add(layer);
        return snapshots.keep(snapshot, chain);
      };
      return new StepOutcome(code, changes, keep, release);
    } catch (IOException | InterruptedException | RuntimeException e) {
      release.run();
      throw e;
    }
  }

  /** Rootless, an overlay can only be mounted in the container's user namespace: the launcher mounts it. */
  private static StepRootfs rootfs(ActiveSnapshot snapshot) {
    Optional<RootlessOverlay> rootless = RootlessOverlay.of(snapshot);
    return rootless.isPresent() ? new StepRootfs.InLauncher(rootless.get()) : new StepRootfs.Mounted(snapshot.rootfs());
  }

  private int execute(StepProcess step, StepRootfs rootfs, Path dir, Consumer<String> output)
      throws IOException, InterruptedException {
    ExecUser user = rootfs.user(step.user());
    rootfs.ensureWorkdir(step.workdir());
    List<Mount> mounts = new ArrayList<>(SandboxFiles.write(dir, step.hostNetwork(), HOST_RESOLV_CONF));
    mounts.addAll(step.mounts());
    FileStubs stubs = FileStubs.before(rootfs, mounts);
    Path log = dir.resolve("output");
    Files.createFile(log);
    String id = "build-" + HexFormat.of().formatHex(randomBytes());
    RuntimeSpec spec = spec(id, step, rootfs, user, mounts);
    Stdio stdio = new Stdio(Redirect.from(new File("/dev/null")), Redirect.appendTo(log.toFile()),
        Redirect.appendTo(log.toFile()));
    int code;
    OutputTail tail = new OutputTail(log, output);
    try (tail; Execution execution = runtime.start(id, spec, stdio)) {
      code = execution.waitFor().code();
    } catch (LaunchException e) {
      output.accept(e.getMessage());
      code = e.exitCode();
    } finally {
      tail.finish();
    }
    stubs.remove();
    return code;
  }

  private static RuntimeSpec spec(String id, StepProcess step, StepRootfs rootfs, ExecUser user, List<Mount> mounts) {
    RuntimeSpec spec = DockerDefaults.spec(rootfs.path().toString(), id, step.args()).withHostname(SandboxFiles.HOSTNAME);
    if (rootfs.rootMount().isPresent()) spec = spec.withRootMount(rootfs.rootMount().get());
    ProcessSpec process = spec.process().withUser(user.toProcessUser()).withCwd(step.workdir())
        .withEnv(environment(step.env(), user.home()));
    EnumSet<Namespace> namespaces = EnumSet.copyOf(spec.linux().namespaces());
    if (step.hostNetwork()) namespaces.remove(Namespace.NETWORK);
    return spec.withProcess(process).withExtraMounts(mounts).withLinux(spec.linux().withNamespaces(namespaces));
  }

  /** BuildKit's: the step's environment, with the default PATH and the user's HOME when it sets none. */
  static List<String> environment(List<String> env, String home) {
    List<String> out = new ArrayList<>(env);
    if (out.stream().noneMatch(e -> e.startsWith("PATH="))) out.add(0, "PATH=" + DockerDefaults.PATH);
    if (out.stream().noneMatch(e -> e.startsWith("HOME="))) out.add("HOME=" + home);
    return out;
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return b;
  }
}
