package dev.lade.runner.lifecycle;

import dev.lade.runner.cgroup.CgroupException;
import dev.lade.runner.cgroup.Cgroups;
import dev.lade.runner.container.InvalidContainerException;
import dev.lade.runner.container.NetworkFiles;
import dev.lade.runner.container.RootlessOverlay;
import dev.lade.runner.launch.Execution;
import dev.lade.runner.launch.LaunchException;
import dev.lade.runner.launch.NativeSupervisor;
import dev.lade.runner.launch.PublishedPort;
import dev.lade.runner.launch.StaleContainers;
import dev.lade.runner.launch.Stdio;
import dev.lade.runner.snapshot.ActiveSnapshot;
import dev.lade.runner.snapshot.Snapshotter;
import dev.lade.runner.snapshot.fs.Posix;
import dev.lade.runner.spec.DockerDefaults;
import dev.lade.runner.spec.ProcessSpec;
import dev.lade.runner.spec.RuntimeSpec;
import dev.lade.runner.user.UnknownUserException;
import dev.lade.runner.user.UserLookup;
import dev.lade.runner.user.UserResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container lifecycle on a {@link ContainerStore}: detached containers that outlive lade, and stop, kill,
 * exec and remove, as docker's commands of the same names.
 */
public final class Containers {

  /** How long a SIGKILLed container may take to be recorded as exited. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);
  private static final long POLL_MILLIS = 20;

  /** Makes a container's runtime spec once its root filesystem exists (the image's USER is looked up there). */
  public interface SpecFactory {
    /** The spec on {@code rootfs}, whose image's users {@code users} reads. */
    RuntimeSpec forRootfs(Path rootfs, UserLookup users) throws InvalidContainerException, IOException;
  }

  /** The lade that makes a container, recorded until it started (see {@link #isAbandonedCreation}). */
  private static final String CREATOR = StaleContainers.OWNER_FILE;
  /** A test's hook: a file to write once a container is recorded, after which lade waits there to be killed. */
  private static final String PAUSE_CREATED = "LADE_TEST_PAUSE_CREATED";

  private final ContainerStore store;
  private final Snapshotter snapshotter;
  private final NativeSupervisor supervisor;

  public Containers(ContainerStore store, Snapshotter snapshotter, NativeSupervisor supervisor) {
    this.store = store;
    this.snapshotter = snapshotter;
    this.supervisor = supervisor;
  }

  /**
   * Removes what killed lades left: snapshots of no live process and no container, cgroups and state of launchers
   * gone. Containers, running or stopped, keep theirs.
   */
  public void cleanupStale() throws IOException, InterruptedException {
    snapshotter.cleanupStale();
    supervisor.runtime().cleanupStale();
    for (Container container : store.list()) {
      if (container.state().status() == ContainerState.Status.EXITED && !Files.exists(container.files().exited())) {
        abandoned(container);
      } else if (isAbandonedCreation(container)) {
        abandonedCreation(container);
      }
    }
  }

  /**
   * Whether {@code container} was being made by a lade that died before it started (a {@code kill -9} of lade run
   * between the two): it stays "Created" with its root filesystem mounted until {@link #cleanupStale}.
   */
  public static boolean isAbandonedCreation(Container container) throws IOException {
    return Files.exists(container.files().dir().resolve(CREATOR))
        && container.state().status() == ContainerState.Status.CREATED
        && StaleContainers.isStale(container.files().dir());
  }

  /**
   * A container whose creator died before it started: as docker shows a container created and never started, it
   * stays "Created", without its root filesystem mounted or a cgroup; one to be removed ({@code --rm}) goes.
   */
  private void abandonedCreation(Container container) throws IOException, InterruptedException {
    if (container.record().autoRemove()) {
      removeQuietly(container);
      return;
    }
    release(container);
    try {
      Cgroups.existing(supervisor.runtime().cgroupRoot(), DockerDefaults.cgroupsPath(container.id())).remove(); // a start that died half-way made it
    } catch (CgroupException e) {
      // none to remove
    }
    Files.deleteIfExists(container.files().dir().resolve(CREATOR));
  }

  /**
   * A container whose supervisor died with a killed lade (a foreground one): the kernel ended its processes, lade
   * does what the supervisor would have (records the exit, unmounts the root filesystem, removes the cgroup) and
   * removes it if it was to be removed ({@code --rm}).
   */
  private void abandoned(Container container) throws IOException, InterruptedException {
    if (container.record().autoRemove()) {
      removeQuietly(container);
      return;
    }
    release(container);
    Files.writeString(container.files().exited(), "{\"ExitCode\":" + ContainerState.UNKNOWN_EXIT
        + ",\"FinishedAt\":\"" + Instant.now() + "\"}\n");
  }

  private void removeQuietly(Container container) throws IOException, InterruptedException {
    try {
      remove(container, true);
    } catch (ContainerException removedMeanwhile) {
      // another lade removed it
    }
  }

  /** Unmounts {@code container}'s root filesystem and removes its recorded cgroups, as its supervisor would. */
  private static void release(Container container) throws IOException {
    Path rootfs = Path.of(container.record().rootfs());
    while (isMountPoint(rootfs)) {
      Posix.unmount(rootfs);
    }
    removeCgroups(container);
  }

  private static boolean isMountPoint(Path path) throws IOException {
    return Files.isDirectory(path)
        && !Files.getAttribute(path, "unix:dev").equals(Files.getAttribute(path.getParent(), "unix:dev"));
  }

  private static void removeCgroups(Container container) throws IOException {
    for (String procs : container.record().cgroupProcs()) {
      Files.deleteIfExists(Path.of(procs).getParent()); // its supervisor removes it, unless it was killed
    }
  }

  /** The store. */
  public ContainerStore store() {
    return store;
  }

  /**
   * Makes {@code request}'s container and starts it detached; returns once its command runs. Its supervisor runs
   * {@code onExit} after it exited (lade's own {@code rm} for {@code --rm}). Nothing is left when it fails.
   */
  public Container runDetached(NewContainer request, SpecFactory specs, List<String> onExit)
      throws ContainerException, LaunchException, InvalidContainerException, IOException {
    Created created = create(request, specs);
    try {
      List<Path> procs = supervisor.start(created.spec(), request.extras(), created.container().files(), onExit);
      store.write(created.container().record().withCgroupProcs(procs.stream().map(Path::toString).toList()));
      return store.find(request.id());
    } catch (LaunchException | IOException | RuntimeException e) {
      discard(created);
      throw e;
    }
  }

  /**
   * Makes {@code request}'s container and starts it in the foreground with {@code stdio}: it is listed, and exec
   * reaches it, while it runs; once it exited, {@link #remove} it or keep it, as docker run's {@code --rm} says.
   */
  public Execution runAttached(NewContainer request, SpecFactory specs, Stdio stdio)
      throws ContainerException, LaunchException, InvalidContainerException, IOException {
    Created created = create(request, specs);
    try {
      NativeSupervisor.Attached attached =
          supervisor.attach(created.spec(), request.extras(), created.container().files(), stdio);
      store.write(created.container().record()
          .withCgroupProcs(attached.cgroupProcs().stream().map(Path::toString).toList()));
      return attached.execution();
    } catch (LaunchException | IOException | RuntimeException e) {
      discard(created);
      throw e;
    }
  }

  /** A container in the store with its root filesystem, not started yet. */
  private record Created(Container container, RuntimeSpec spec, String snapshotId) {}

  private Created create(NewContainer request, SpecFactory specs)
      throws ContainerException, InvalidContainerException, IOException {
    ActiveSnapshot snapshot = snapshotter.prepare(request.layers());
    try {
      RuntimeSpec spec;
      Optional<RootlessOverlay> rootless = RootlessOverlay.of(snapshot);
      if (rootless.isPresent()) {
        spec = specs.forRootfs(snapshot.rootfs(), rootless.get().users()).withRootMount(rootless.get().rootMount());
      } else {
        snapshotter.mount(snapshot);
        spec = specs.forRootfs(snapshot.rootfs(), UserLookup.in(snapshot.rootfs()));
      }
      Container container = store.add(new ContainerRecord(request.id(), request.name(), request.image(),
          request.imageId(), Instant.now().toString(), spec.process(), spec.hostname(), request.stopSignal(),
          request.autoRemove(), snapshot.id(), snapshot.rootfs().toString(), List.of(),
          request.extras().ports().stream().map(PublishedPort::toString).toList()));
      StaleContainers.recordOwner(container.files().dir(), ProcessHandle.current());
      snapshotter.retain(snapshot, container.files().dir());
      pauseForTests(container.files().dir());
      RuntimeSpec withFiles = NetworkFiles.addTo(spec, request.network(), container.files().dir());
      return new Created(container, withFiles, snapshot.id());
    } catch (ContainerException | InvalidContainerException | IOException | RuntimeException e) {
      snapshotter.remove(snapshot);
      throw e;
    }
  }

  private static void pauseForTests(Path dir) throws IOException {
    String signal = System.getenv(PAUSE_CREATED);
    if (signal == null) {
      return;
    }
    Files.writeString(Path.of(signal), dir.toString());
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void discard(Created created) throws IOException {
    snapshotter.removeRetained(created.snapshotId());
    store.delete(created.container().id());
  }

  /**
   * Stops {@code container} as docker stop: its stop signal, then SIGKILL after {@code timeout} (null: wait as
   * long as it takes).
   *
   * @return its state afterwards
   */
  public ContainerState stop(Container container, Duration timeout)
      throws ContainerException, IOException, InterruptedException {
    ContainerState state = container.state();
    if (!state.running()) {
      return state;
    }
    Signals.send(state.pid(), Signals.parse(container.record().stopSignal()));
    ContainerState after = awaitExit(container, timeout);
    if (after.running()) {
      Signals.send(state.pid(), Signals.KILL);
      after = awaitExit(container, KILL_WAIT);
    }
    return after;
  }

  /** Sends {@code signal} to {@code container}'s main process, which must be running. */
  public void kill(Container container, int signal) throws ContainerException {
    if (!container.state().running() || !Signals.send(container.state().pid(), signal)) {
      throw new ContainerException("Cannot kill container: " + container.name() + ": Container " + container.id()
          + " is not running");
    }
  }

  /** Removes {@code container}: its root filesystem, cgroup, log and records. Running, only with {@code force}. */
  public void remove(Container container, boolean force)
      throws ContainerException, IOException, InterruptedException {
    if (container.state().running()) {
      if (!force) {
        throw new ContainerException("You cannot remove a running container " + container.id()
            + ". Stop the container before attempting removal or force remove");
      }
      Signals.send(container.state().pid(), Signals.KILL);
      awaitExit(container, KILL_WAIT);
    }
    if (!container.record().snapshotId().isEmpty()) {
      snapshotter.removeRetained(container.record().snapshotId());
    }
    removeCgroups(container);
    store.delete(container.id());
  }

  /** Starts {@code options.command()} in running {@code container}, as docker exec; wait for it on the result. */
  public Execution exec(Container container, ExecOptions options, Stdio stdio)
      throws ContainerException, LaunchException, IOException {
    if (!container.state().running()) {
      throw new ContainerException("Container " + container.id() + " is not running");
    }
    ProcessSpec process = container.record().process().withArgs(options.command())
        .withEnv(merged(container.record().process().env(), options.env()));
    if (options.user().isPresent()) {
      try {
        process = process.withUser(
            UserResolver.resolve(liveRoot(container), options.user().get()).toDockerProcessUser());
      } catch (UnknownUserException e) {
        throw new ContainerException(e.getMessage(), e);
      }
    }
    if (options.workdir().isPresent()) {
      process = process.withCwd(options.workdir().get());
    }
    if (options.tty()) {
      process = withTerm(process);
    }
    List<Path> procs = container.record().cgroupProcs().stream().map(Path::of).toList();
    return supervisor.exec(container.state().pid(), procs, process, options.tty(), stdio);
  }

  /**
   * The running container's root as its processes see it, where docker exec looks users up: through its init's
   * {@code /proc} entry, which shows what the container changed and a rootless overlay that is mounted only in the
   * container's namespace; the recorded rootfs when that entry cannot be read.
   */
  private static Path liveRoot(Container container) {
    Path root = Path.of("/proc", Long.toString(container.state().pid()), "root");
    return Files.isReadable(root.resolve("etc")) ? root : Path.of(container.record().rootfs());
  }

  /** Waits until {@code container} is no longer running, or {@code timeout} (null: forever) passed. */
  public ContainerState awaitExit(Container container, Duration timeout) throws IOException, InterruptedException {
    Instant deadline = timeout == null ? Instant.MAX : Instant.now().plus(timeout);
    ContainerState state = ContainerState.read(container.files());
    while (state.running() && Instant.now().isBefore(deadline)) {
      Thread.sleep(POLL_MILLIS);
      state = ContainerState.read(container.files());
    }
    return state;
  }

  /** {@code process} with {@code TERM=xterm} unless it sets TERM: what docker gives a process with a terminal. */
  public static ProcessSpec withTerm(ProcessSpec process) {
    return process.getenv("TERM") != null ? process : process.withEnv(merged(process.env(), List.of("TERM=xterm")));
  }

  /** {@code base} with {@code extra}'s keys replaced in place and new ones appended. */
  private static List<String> merged(List<String> base, List<String> extra) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (String entry : base) {
      entries.put(entry.substring(0, entry.indexOf('=')), entry);
    }
    for (String entry : extra) {
      entries.put(entry.substring(0, Math.max(entry.indexOf('='), 0)), entry);
    }
    return new ArrayList<>(entries.values());
  }
}
