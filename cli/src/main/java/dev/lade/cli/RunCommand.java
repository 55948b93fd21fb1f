package dev.lade.cli;

import dev.lade.oci.image.ContainerConfig;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.ResolvedImage;
import dev.lade.runner.container.ContainerSpecs;
import dev.lade.runner.container.InvalidContainerException;
import dev.lade.runner.container.RunOptions;
import dev.lade.runner.launch.ContainerRuntime;
import dev.lade.runner.launch.Execution;
import dev.lade.runner.launch.ExitStatus;
import dev.lade.runner.launch.LaunchException;
import dev.lade.runner.launch.Runtimes;
import dev.lade.runner.launch.Stdio;
import dev.lade.runner.snapshot.ActiveSnapshot;
import dev.lade.runner.snapshot.Snapshotter;
import dev.lade.runner.snapshot.Snapshotters;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.spec.RuntimeSpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lade run}: runs a command in a new container of an image, in the foreground, as {@code docker run}.
 *
 * <p>Exit codes as docker's: the command's own, 125 when lade fails, 126 when the command cannot be executed, 127
 * when it is not found.
 */
@Command(name = "run", description = "Run a command in a new container (foreground; the container is removed after).")
final class RunCommand implements Callable<Integer> {
  /** docker run's code for its own failures. */
  static final int LADE_FAILED = 125;
  private static final long STOP_GRACE_SECONDS = 10;

  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin RunOptionsMixin options;

  @Option(names = "--rm", description = "Remove the container when it exits (always done: lade keeps no stopped containers).")
  boolean remove;

  @Option(names = "--name", paramLabel = "NAME", description = "The container's name (unique among running ones).")
  String name;

  @Option(names = "--runtime", paramLabel = "RUNTIME", defaultValue = "native",
      description = "native (lade's launcher, default), runc or crun.")
  String runtime;

  @Parameters(index = "0", paramLabel = "IMAGE") String image;

  @Parameters(index = "1..*", paramLabel = "COMMAND") List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    try {
      return runContainer();
    } catch (LaunchException e) {
      return fail(e.getMessage(), e, e.exitCode());
    } catch (InvalidContainerException e) {
      return fail(e.getMessage(), e, LADE_FAILED);
    } catch (Exception e) {
      return fail(Failures.describe(e), e, LADE_FAILED);
    }
  }

  private int runContainer() throws Exception {
    String id = HexFormat.of().formatHex(randomBytes());
    OciLayoutStore store = main.store();
    ResolvedImage resolved = ImageResolver.forHost(store).resolve(image);
    ImageConfig config = resolved.config().value();
    RunOptions runOptions = options.toRunOptions(command);
    ContainerRuntime backend = Runtimes.named(runtime);
    Snapshotter snapshotter = Snapshotters.open(store.root().resolve("snapshots"), store.blobs());
    snapshotter.cleanupStale(); // what a killed lade left mounted; a running lade's snapshots are locked
    ActiveSnapshot snapshot = snapshotter.prepare(layers(resolved));
    try {
      snapshotter.mount(snapshot);
      ContainerConfig defaults = config.config();
      RuntimeSpec runtimeSpec = ContainerSpecs.forImage(id, snapshot.rootfs(), defaults, runOptions);
      return foreground(backend, name != null ? name : id.substring(0, 12), runtimeSpec);
    } finally {
      snapshotter.remove(snapshot);
    }
  }

  /** Runs until the container exits; a lade stopped by a signal stops the container first (SIGTERM, then SIGKILL). */
  private int foreground(ContainerRuntime backend, String name, RuntimeSpec runtimeSpec) throws Exception {
    Execution execution = backend.start(name, runtimeSpec, Stdio.INHERIT);
    Thread stopper = new Thread(() -> stop(execution));
    Runtime.getRuntime().addShutdownHook(stopper);
    try (execution) {
      ExitStatus status = execution.waitFor();
      if (status.oomKilled()) {
        spec.commandLine().getErr().println("lade: the container ran out of memory and was killed");
      }
      return status.code();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running and stops the container
      }
    }
  }

  private static void stop(Execution execution) {
    execution.terminate();
    try {
      ProcessHandle.of(execution.pid()).ifPresent(process -> {
        try {
          process.onExit().get(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception timedOut) {
          // close() below kills it
        }
      });
    } finally {
      execution.close();
    }
  }

  private static List<SnapshotLayer> layers(ResolvedImage image) {
    List<Descriptor> blobs = image.manifest().value().layers();
    var diffIds = image.config().value().rootfs().diffIds();
    List<SnapshotLayer> chain = new ArrayList<>();
    for (int i = 0; i < blobs.size(); i++) {
      chain.add(new SnapshotLayer(diffIds.get(i), blobs.get(i).digest()));
    }
    return chain;
  }

  private int fail(String message, Exception e, int code) {
    var err = spec.commandLine().getErr();
    err.println("lade: " + message);
    if (main.debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
