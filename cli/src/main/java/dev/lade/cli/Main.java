package dev.lade.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code lade} command line: a thin layer of picocli commands over the library modules.
 *
 * <p>Exit codes: 0 success, 1 the job failed, 2 bad usage or bad input.
 */
@Command(
    name = "lade",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A daemonless OCI image toolchain.")
public final class Main implements Runnable {

  /** Global: show stack traces of errors. Inherited by every subcommand. */
  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces of errors.")
  boolean debug;

  /** Global: the image store directory. Inherited by every subcommand. */
  @Option(names = "--root", scope = CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
      description = "The image store (default: $LADE_ROOT, else ~/.local/share/lade, /var/lib/lade for root).")
  java.nio.file.Path root;

  /** Global: how RUN steps and containers get their root filesystems. Inherited by every subcommand. */
  @Option(names = "--snapshotter", scope = CommandLine.ScopeType.INHERIT, paramLabel = "KIND",
      description = "Root filesystems of RUN steps and containers: auto (overlayfs where possible), overlay or copy"
          + " (default: $LADE_SNAPSHOTTER, else auto).")
  String snapshotter;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Whether standard error is a terminal, where transfers draw live progress. */
  boolean stderrIsTerminal;

  /** How a transfer command of this invocation shows progress on {@code err}. */
  ProgressDisplay progress(PrintWriter err, TransferKind kind, boolean quiet) {
    return ProgressDisplay.on(err, kind, quiet, stderrIsTerminal);
  }

  /** Opens the image store this invocation works on. */
  dev.lade.oci.store.OciLayoutStore store() throws java.io.IOException {
    return dev.lade.oci.store.OciLayoutStore.open(root != null ? root : StoreLocation.defaultRoot());
  }

  /** The snapshotter this invocation asked for. */
  dev.lade.runner.snapshot.SnapshotterKind snapshotterKind() {
    String name = snapshotter != null ? snapshotter : System.getenv("LADE_SNAPSHOTTER");
    if (name == null || name.isEmpty()) return dev.lade.runner.snapshot.SnapshotterKind.AUTO;
    try {
      return dev.lade.runner.snapshot.SnapshotterKind.parse(name);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /** The snapshots of {@code store}, made by the snapshotter this invocation asked for. */
  dev.lade.runner.snapshot.Snapshotter snapshots(dev.lade.oci.store.OciLayoutStore store)
      throws java.io.IOException {
    return dev.lade.runner.snapshot.Snapshotters.open(store.root().resolve("snapshots"), store.blobs(),
        snapshotterKind(), dev.lade.runner.snapshot.Mounter.libc());
  }

  /**
   * The snapshots of {@code store} for containers, root's overlays mounted by {@code mounter}, a rootless overlay
   * by the container's launcher in its user namespace.
   */
  dev.lade.runner.snapshot.Snapshotter containerSnapshots(dev.lade.oci.store.OciLayoutStore store,
      dev.lade.runner.snapshot.Mounter mounter) throws java.io.IOException {
    return dev.lade.runner.snapshot.Snapshotters.openForLauncherMounts(store.root().resolve("snapshots"),
        store.blobs(), snapshotterKind(), mounter);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Builds the whole picocli command tree (with {@code help}, which Commands adds). */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /** Builds the command tree {@code args} need: only the subcommand they name, if they name one. */
  static CommandLine commandLine(String... args) {
    // picocli's DefaultFactory looks for groovy.lang.Closure at its first use: a miss that opens and indexes every
    // jar on the class path (bouncycastle's 6000 entries among them), 60 ms of every command.
    if (System.getProperty("picocli.disable.closures") == null) System.setProperty("picocli.disable.closures", "true");
    Main main = new Main();
    CommandLine cli = new CommandLine(AnnotatedCommandSpecs.model(main, null));
    cli.setAllowSubcommandsAsOptionParameters(true); // --snapshotter copy names a snapshotter, not lade copy
    Commands.register(cli, args);
    cli.registerConverter(java.nio.file.Path.class, new PathArgument()); // after the subcommands, to reach them
    ErrorHandling.install(cli);
    return cli;
  }

  /** Runs one lade invocation with standard output and error in UTF-8; returns its exit code. */
  public static int run(String... args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    return run(out, err, Terminal.stderrIsTerminal(), args);
  }

  /** Runs one lade invocation writing to {@code out} and {@code err}; returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, false, args);
  }

  private static int run(PrintWriter out, PrintWriter err, boolean errIsTerminal, String... args) {
    WarmUp.startFor(args);
    CommandLine cli = commandLine(args);
    ((Main) cli.getCommand()).stderrIsTerminal = errIsTerminal;
    cli.setOut(out);
    cli.setErr(err);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The command line that starts lade again in a JVM of its own: this JVM's java, class path and main class. */
  static List<String> javaCommand() {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName());
  }

  public static void main(String[] args) {
    int code = run(args);
    // System.exit first asks the JDK's System.Logger whether to log the exit, and finding the logger looks for a
    // LoggerFinder in every jar of the class path: opening and indexing all 45 (50-60 ms). A success whose threads
    // have all ended returns instead: the JVM then ends as it would, its shutdown hooks run, without that look-up.
    if (code != 0 || otherThreadsAlive()) System.exit(code);
  }

  /** Whether a thread other than this one would keep the JVM running once main returns. */
  private static boolean otherThreadsAlive() {
    ThreadGroup all = Thread.currentThread().getThreadGroup();
    while (all.getParent() != null) all = all.getParent();
    Thread[] threads = new Thread[all.activeCount() + 16];
    int count = all.enumerate(threads, true);
    for (int i = 0; i < count; i++) {
      Thread thread = threads[i];
      if (thread != Thread.currentThread() && thread.isAlive() && !thread.isDaemon()) return true;
    }
    return count == threads.length; // some may not have fit: exit to be sure
  }
}
