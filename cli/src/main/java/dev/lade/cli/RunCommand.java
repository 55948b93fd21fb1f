package dev.lade.cli;

import dev.lade.oci.image.ContainerConfig;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.ResolvedImage;
import dev.lade.runner.container.ContainerSpecs;
import dev.lade.runner.container.InvalidContainerException;
import dev.lade.runner.container.NetworkMode;
import dev.lade.runner.container.RunOptions;
import dev.lade.runner.launch.ContainerRuntime;
import dev.lade.runner.launch.Execution;
import dev.lade.runner.launch.ExitStatus;
import dev.lade.runner.launch.LaunchException;
import dev.lade.runner.launch.LaunchExtras;
import dev.lade.runner.launch.NativeRuntime;
import dev.lade.runner.launch.PublishedPort;
import dev.lade.runner.launch.Runtimes;
import dev.lade.runner.launch.Stdio;
import dev.lade.runner.lifecycle.Container;
import dev.lade.runner.lifecycle.ContainerException;
import dev.lade.runner.lifecycle.ContainerId;
import dev.lade.runner.lifecycle.Containers;
import dev.lade.runner.lifecycle.NewContainer;
import dev.lade.runner.snapshot.ActiveSnapshot;
import dev.lade.runner.snapshot.Snapshotter;
import dev.lade.runner.snapshot.Snapshotters;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.spec.RuntimeSpec;
import java.io.File;
import java.lang.ProcessBuilder.Redirect;
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
 * {@code lade run}: runs a command in a new container of an image, in the foreground, as {@code docker run}.
 *
 * <p>Exit codes as docker's: the command's own, 125 when lade fails, 126 when the command cannot be executed, 127
 * when it is not found.
 */
@Command(name = "run", description = "Run a command in a new container: in the foreground (removed after it exits),"
    + " or detached (-d).")
final class RunCommand implements Callable<Integer> {
  /** docker run's code for its own failures. */
  static final int LADE_FAILED = 125;
  private static final long STOP_GRACE_SECONDS = 10;

  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin RunOptionsMixin options;

  @Option(names = "--rm", description = "Remove the container when it exits (a foreground one always is).")
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
    ImageConfig config = resolved.config().value();
    RunOptions runOptions = options.toRunOptions(command);
    if ((detach || init) && !runtime.equals("native")) {
      throw new LaunchException(LADE_FAILED, (detach ? "-d" : "--init") + " needs the native runtime");
    }
    List<PublishedPort> ports = ports(runOptions);
    if (detach) {
      return detached(id, resolved, runOptions, new LaunchExtras(ports, tty));
    }
    LaunchExtras extras = new LaunchExtras(ports, tty);
    if (!extras.equals(LaunchExtras.NONE) && !runtime.equals("native")) {
      throw new LaunchException(LADE_FAILED, (tty ? "-t" : "-p") + " needs the native runtime");
    }
    ContainerRuntime backend = runtime.equals("native") ? Runtimes.nativeRuntime(init) : Runtimes.named(runtime);
    Snapshotter snapshotter = Snapshotters.open(store.root().resolve("snapshots"), store.blobs());
    snapshotter.cleanupStale(); // what a killed lade left mounted; a running lade's snapshots are locked
    ActiveSnapshot snapshot = snapshotter.prepare(layers(resolved));
    try {
      snapshotter.mount(snapshot);
      ContainerConfig defaults = config.config();
      RuntimeSpec runtimeSpec = withTerm(ContainerSpecs.forImage(id, snapshot.rootfs(), defaults, runOptions));
      return foreground(backend, name != null ? name : ContainerId.shortId(id), runtimeSpec, extras);
    } finally {
      snapshotter.remove(snapshot);
    }
  }

  /** Starts the container detached, as docker run -d: prints its id and returns, leaving it running. */
  private int detached(String id, ResolvedImage resolved, RunOptions runOptions, LaunchExtras extras)
      throws Exception {
    Containers containers = ContainerAccess.open(main, init);
    ContainerConfig defaults = resolved.config().value().config();
    NewContainer request = new NewContainer(id, name == null ? "" : name, image,
        resolved.manifest().value().config().digest().toString(), defaults.stopSignal(), remove,
        SnapshotLayer.chainOf(resolved.manifest().value(), resolved.config().value()), extras);
    List<String> onExit = remove ? ContainerAccess.self(main, "rm", "--force", id) : List.of();
    Container container = containers.runDetached(request,
        rootfs -> withTerm(ContainerSpecs.forImage(id, rootfs, defaults, runOptions)), onExit);
    spec.commandLine().getOut().println(container.id());
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Runs until the container exits; a lade stopped by a signal stops the container first (SIGTERM, then SIGKILL). */
  private int foreground(ContainerRuntime backend, String name, RuntimeSpec runtimeSpec, LaunchExtras extras)
      throws Exception {
    Stdio stdio = interactive ? Stdio.INHERIT : new Stdio(Redirect.from(new File("/dev/null")), Redirect.INHERIT,
        Redirect.INHERIT);
    Execution execution = extras.equals(LaunchExtras.NONE) ? backend.start(name, runtimeSpec, stdio)
        : ((NativeRuntime) backend).start(name, runtimeSpec, stdio, extras);
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
