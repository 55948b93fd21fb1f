package dev.lade.cli;

import dev.lade.oci.image.ContainerConfig;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.ResolvedImage;
import dev.lade.runner.container.ContainerSpecs;
import dev.lade.runner.container.InvalidContainerException;
import dev.lade.runner.container.NetworkFiles;
import dev.lade.runner.container.NetworkMode;
import dev.lade.runner.container.RunOptions;
import dev.lade.runner.launch.Execution;
import dev.lade.runner.launch.ExitStatus;
import dev.lade.runner.launch.LaunchException;
import dev.lade.runner.launch.LaunchExtras;
import dev.lade.runner.launch.OciRuntime;
import dev.lade.runner.launch.PublishedPort;
import dev.lade.runner.launch.Runtimes;
import dev.lade.runner.launch.Stdio;
import dev.lade.runner.lifecycle.ContainerException;
import dev.lade.runner.lifecycle.ContainerId;
import dev.lade.runner.lifecycle.Containers;
import dev.lade.runner.lifecycle.NewContainer;
import dev.lade.runner.snapshot.ActiveSnapshot;
import dev.lade.runner.snapshot.Snapshotter;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.snapshot.fs.Trees;
import dev.lade.runner.spec.RuntimeSpec;
import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lade run}: runs a command in a new container of an image, in the foreground or detached, as {@code docker
 * run}. With the native runtime the container is kept after it exits (in {@code lade ps -a}) unless {@code --rm};
 * runc and crun keep nothing, as their own {@code run}.
 *
 * <p>Exit codes as docker's: the command's own, 125 when lade fails, 126 when the command cannot be executed, 127
 * when it is not found.
 */
@Command(name = "run", description = "Run a command in a new container, in the foreground or detached (-d).")
final class RunCommand implements Callable<Integer> {
  /** docker run's code for its own failures. */
  static final int LADE_FAILED = 125;
  private static final long STOP_GRACE_SECONDS = 10;

  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin RunOptionsMixin options;

  @Option(names = "--rm", description = "Remove the container when it exits.")
  boolean remove;

  @Option(names = {"-d", "--detach"}, description = "Run in the background and print the container's id.")
  boolean detach;

  @Option(names = {"-i", "--interactive"}, description = "Keep standard input open (else the container's is empty).")
  boolean interactive;

  @Option(names = {"-t", "--tty"}, description = "Give the container a pseudo-terminal.")
  boolean tty;

  @Option(names = "--init", description = "Run an init as PID 1 that forwards signals and reaps zombies.")
  boolean init;

  @Option(names = {"-p", "--publish"}, paramLabel = "[IP:]HOST:CONTAINER[/PROTO]",
      description = "Publish a container's port on the host (through slirp4netns).")
  List<String> publish = new ArrayList<>();

  @Option(names = "--name", paramLabel = "NAME", description = "The container's name (unique among containers).")
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
      e.detail().filter(detail -> main.debug).ifPresent(detail -> spec.commandLine().getErr().println(detail));
      return fail(e.getMessage(), e, e.exitCode());
    } catch (InvalidContainerException | ContainerException e) {
      return fail(e.getMessage(), e, LADE_FAILED);
    } catch (Exception e) {
      return fail(Failures.describe(e), e, LADE_FAILED);
    }
  }

  private int runContainer() throws Exception {
    String id = ContainerId.random();
    OciLayoutStore store = main.store();
    ResolvedImage resolved = ImageResolver.forHost(store).resolve(image);
    RunOptions runOptions = options.toRunOptions(command);
    LaunchExtras extras = new LaunchExtras(ports(runOptions), tty);
    if (!runtime.equals("native")) {
      if (detach || init || !extras.ports().isEmpty()) {
        String flag = detach ? "-d" : init ? "--init" : "-p";
        throw new LaunchException(LADE_FAILED, flag + " needs the native runtime");
      }
      return ociForeground(id, store, resolved, runOptions);
    }
    Containers containers = ContainerAccess.open(main, store, init);
    containers.cleanupStale();
    ContainerConfig defaults = resolved.config().value().config();
    NewContainer request = new NewContainer(id, name == null ? "" : name, image,
        resolved.manifest().value().config().digest().toString(), defaults.stopSignal(), remove,
        layers(resolved), extras, runOptions.network());
    Containers.SpecFactory specs =
        (rootfs, users) -> withTerm(ContainerSpecs.forImage(id, rootfs, users, defaults, runOptions));
    if (detach) {
      List<String> onExit = remove ? ContainerAccess.self(main, "rm", "--force", id) : List.of();
      spec.commandLine().getOut().println(containers.runDetached(request, specs, onExit).id());
      spec.commandLine().getOut().flush();
      return 0;
    }
    Execution execution = containers.runAttached(request, specs, stdio());
    Runnable removal = () -> {
      if (remove) removeQuietly(containers, id);
    };
    try {
      return foreground(execution, removal);
    } finally {
      removal.run();
    }
  }

  /** runc or crun run the container as their own {@code run} does: nothing of it is kept. */
  private int ociForeground(String id, OciLayoutStore store, ResolvedImage resolved, RunOptions runOptions)
      throws Exception {
    OciRuntime backend = Runtimes.oci(runtime);
    Snapshotter snapshotter = main.snapshots(store);
    snapshotter.cleanupStale(); // what a killed lade left mounted; a running lade's snapshots are locked
    ActiveSnapshot snapshot = snapshotter.prepare(layers(resolved));
    Path networkFiles = Files.createTempDirectory("lade-" + ContainerId.shortId(id));
    try {
      snapshotter.mount(snapshot);
      ContainerConfig defaults = resolved.config().value().config();
      RuntimeSpec runtimeSpec = NetworkFiles.addTo(withTerm(ContainerSpecs.forImage(id, snapshot.rootfs(), defaults,
          runOptions)), runOptions.network(), networkFiles);
      String container = name != null ? name : ContainerId.shortId(id);
      return foreground(backend.start(container, runtimeSpec, stdio(), tty), () -> {});
    } finally {
      snapshotter.remove(snapshot);
      Trees.deleteTree(networkFiles);
    }
  }

  /** Without -i, the container's standard input is empty, as docker's. */
  private Stdio stdio() {
    return interactive ? Stdio.INHERIT
        : new Stdio(Redirect.from(new File("/dev/null")), Redirect.INHERIT, Redirect.INHERIT);
  }

  /**
   * Runs until the container exits; a lade stopped by a signal stops the container first (SIGTERM, then SIGKILL),
   * then runs {@code after}.
   */
  private int foreground(Execution execution, Runnable after) throws Exception {
    Thread stopper = new Thread(() -> {
      stop(execution);
      after.run();
    });
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

  private static void removeQuietly(Containers containers, String id) {
    try {
      containers.remove(containers.store().find(id), true);
    } catch (ContainerException alreadyGone) {
      // removed by the other of the shutdown hook and the normal path
    } catch (Exception e) {
      System.err.println("lade: warning: cannot remove container " + id + ": " + e.getMessage());
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

  private RuntimeSpec withTerm(RuntimeSpec runtimeSpec) {
    return tty ? runtimeSpec.withProcess(Containers.withTerm(runtimeSpec.process())) : runtimeSpec;
  }

  /** The -p ports; none in the host's network, as docker discards them there (with a warning). */
  private List<PublishedPort> ports(RunOptions runOptions) throws InvalidContainerException {
    List<PublishedPort> ports = new ArrayList<>();
    for (String spec : publish) {
      try {
        ports.add(PublishedPort.parse(spec));
      } catch (IllegalArgumentException e) {
        throw new InvalidContainerException(e.getMessage());
      }
    }
    if (!ports.isEmpty() && runOptions.network() == NetworkMode.HOST) {
      spec.commandLine().getErr().println("WARNING: Published ports are discarded when using host network mode");
      return List.of();
    }
    return ports;
  }

  private static List<SnapshotLayer> layers(ResolvedImage image) {
    return SnapshotLayer.chainOf(image.manifest().value(), image.config().value());
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
}
