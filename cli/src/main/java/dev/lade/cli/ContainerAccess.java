package dev.lade.cli;

import dev.lade.oci.store.OciLayoutStore;
import dev.lade.runner.launch.LaunchException;
import dev.lade.runner.launch.LauncherMounter;
import dev.lade.runner.launch.NativeRuntime;
import dev.lade.runner.launch.NativeSupervisor;
import dev.lade.runner.launch.Runtimes;
import dev.lade.runner.lifecycle.Container;
import dev.lade.runner.lifecycle.ContainerException;
import dev.lade.runner.lifecycle.ContainerStore;
import dev.lade.runner.lifecycle.Containers;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/** Opens the containers of this invocation's store, and reports their errors as docker's commands do. */
final class ContainerAccess {
  private ContainerAccess() {}

  /**
   * The containers of {@code main}'s store; {@code init} for containers started with --init. Their root
   * filesystems are mounted by the launcher, so that no FFI library needs to start.
   */
  static Containers open(Main main, boolean init) throws IOException, LaunchException {
    return open(main, main.store(), init);
  }

  /** As {@link #open(Main, boolean)} on {@code store}, already opened from {@code main}: an open costs milliseconds. */
  static Containers open(Main main, OciLayoutStore store, boolean init) throws IOException, LaunchException {
    return open(main, store, ContainerStore.open(store.root()), init);
  }

  private static Containers open(Main main, OciLayoutStore store, ContainerStore containers, boolean init)
      throws IOException, LaunchException {
    NativeRuntime runtime = Runtimes.nativeRuntime(init);
    return new Containers(containers, main.containerSnapshots(store, new LauncherMounter(runtime.launcher())),
        new NativeSupervisor(runtime));
  }

  /** The container store alone, for commands that only read it. */
  static ContainerStore store(Main main) throws IOException {
    return ContainerStore.open(main.store().root());
  }

  /** Every container of {@code main}'s store, newest first, after {@link #listCleaned(ContainerStore, Opener)}'s clean-up. */
  static List<Container> listCleaned(Main main) throws Exception {
    OciLayoutStore images = main.store();
    ContainerStore store = ContainerStore.open(images.root());
    return listCleaned(store, () -> open(main, images, store, false));
  }

  /** The containers of a store, opened only when a clean-up needs them. */
  interface Opener {
    Containers open() throws Exception;
  }

  /**
   * Every container of {@code store}, newest first, after cleaning up after lades killed before their container
   * started ({@link Containers#isAbandonedCreation}) when it holds such a container: what the next lade run would
   * do, done as soon as a command looks.
   */
  static List<Container> listCleaned(ContainerStore store, Opener containers) throws Exception {
    List<Container> all = store.list();
    for (Container container : all) {
      if (Containers.isAbandonedCreation(container)) {
        containers.open().cleanupStale();
        return store.list();
      }
    }
    return all;
  }

  /**
   * This lade as a command line, with its store and snapshotter: what a container's supervisor runs to remove it
   * (--rm), on the snapshots it ran on whatever $LADE_SNAPSHOTTER says.
   */
  static List<String> self(Main main, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(Main.javaCommand());
    command.addAll(List.of("--root", main.store().root().toString(),
        "--snapshotter", main.snapshotterKind().name().toLowerCase(Locale.ROOT)));
    command.addAll(List.of(args));
    return command;
  }

  /** What a command does to one container. */
  interface Action {
    void apply(Containers containers, Container container) throws Exception;
  }

  /**
   * Applies {@code action} to each container named, printing each name as given when done and an error line
   * when not, as docker stop, kill and rm do; returns 0 when all went well, else 1.
   */
  static int forEach(Main main, CommandSpec spec, List<String> names, Action action) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Containers containers = open(main, false);
    List<Container> listed = listCleaned(containers.store(), () -> containers);
    int code = ExitCode.OK;
    for (String name : names) {
      try {
        Container container = listed != null ? ContainerStore.find(listed, name) : containers.store().find(name);
        listed = null; // the next name is looked up after what the action did
        action.apply(containers, container);
        out.println(name);
        out.flush();
      } catch (ContainerException e) {
        code = fail(main, err, e, e.getMessage(), ExitCode.FAILED);
      }
    }
    return code;
  }

  /** Prints {@code message} as lade's one-line error and returns {@code code}. */
  static int fail(Main main, PrintWriter err, Exception e, String message, int code) {
    err.println("lade: " + message);
    if (main.debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}
