package dev.lade.runner.launch;

import dev.lade.runner.cgroup.Cgroup;
import dev.lade.runner.cgroup.CgroupException;
import dev.lade.runner.cgroup.Cgroups;
import dev.lade.runner.spec.ProcessSpec;
import dev.lade.runner.spec.RuntimeSpec;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Detached containers and {@code exec} with lade's native launcher: the launcher forks a supervisor that outlives
 * lade (see supervise.c), and joins a running container's namespaces for exec (see join.c).
 *
 * @param runtime the launcher, state directory and cgroup root to use
 */
public record NativeSupervisor(NativeRuntime runtime) {

  private static final File NULL = new File("/dev/null");

  /**
   * A container started in the foreground.
   *
   * @param execution its launcher, to wait for
   * @param cgroupProcs the cgroup.procs files of its cgroup (for {@link #exec})
   */
  public record Attached(Execution execution, List<Path> cgroupProcs) {
    public Attached {
      cgroupProcs = List.copyOf(cgroupProcs);
    }
  }

  /**
   * Starts {@code spec} detached, its output appended to {@link SupervisorFiles#log}; returns once its command
   * runs, with the cgroup.procs files of its cgroup (for {@link #exec}). The supervisor writes
   * {@link SupervisorFiles#started} before this returns and {@link SupervisorFiles#exited} when the container
   * exits, removes the cgroup, then runs {@code onExit} when not empty.
   *
   * @throws LaunchException when the container did not start; its cgroup is gone then
   */
  public List<Path> start(RuntimeSpec spec, LaunchExtras extras, SupervisorFiles files, List<String> onExit)
      throws LaunchException {
    spec = Rootless.forCurrentUser(spec);
    Cgroup cgroup = null;
    try {
      cgroup = runtime.cgroup(spec);
      List<Path> procs = cgroup == null ? List.of() : cgroup.procsFiles();
      writeSpec(spec, extras, files, procs, true, onExit);
      Redirect log = Redirect.appendTo(files.log().toFile());
      Process starter = new ProcessBuilder(runtime.launcher().toString(), files.spec().toString())
          .redirectInput(Redirect.from(NULL)).redirectOutput(log).redirectError(log).start();
      int code = starter.waitFor();
      if (code != 0) {
        String message = StateDirectory.readIfPresent(files.error());
        throw new LaunchException(code, message != null ? message : lastLine(files.log(), code));
      }
      return procs;
    } catch (IOException | InterruptedException | RuntimeException e) {
      removeQuietly(cgroup);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw e instanceof CgroupException cgroupFailure
          ? new LaunchException(LaunchException.SETUP_FAILED, cgroupFailure.getMessage())
          : new LaunchException("cannot start the container: " + e.getMessage(), e);
    } catch (LaunchException e) {
      removeQuietly(cgroup);
      throw e;
    }
  }

  /**
   * Starts {@code spec} in the foreground with {@code stdio}, recording its start and exit in {@code files} as a
   * detached one's; wait for it with {@link Execution#waitFor}, whose close removes its cgroup.
   */
  public Attached attach(RuntimeSpec spec, LaunchExtras extras, SupervisorFiles files, Stdio stdio)
      throws LaunchException {
    spec = Rootless.forCurrentUser(spec);
    Cgroup cgroup = null;
    try {
      cgroup = runtime.cgroup(spec);
      List<Path> procs = cgroup == null ? List.of() : cgroup.procsFiles();
      writeSpec(spec, extras, files, procs, false, List.of());
      Process launcher = new ProcessBuilder(runtime.launcher().toString(), files.spec().toString())
          .redirectInput(stdio.in()).redirectOutput(stdio.out()).redirectError(stdio.err()).start();
      return new Attached(new ProcessExecution(launcher, new LauncherOutcome(files.error(), cgroup, null)), procs);
    } catch (IOException | RuntimeException e) {
      removeQuietly(cgroup);
      throw e instanceof CgroupException cgroupFailure
          ? new LaunchException(LaunchException.SETUP_FAILED, cgroupFailure.getMessage())
          : new LaunchException("cannot start the launcher " + runtime.launcher() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts {@code process} in the running container whose main process is {@code pid}, in the cgroup of
   * {@code cgroupProcs}; wait for it with {@link Execution#waitFor}.
   */
  public Execution exec(long pid, List<Path> cgroupProcs, ProcessSpec process, boolean tty, Stdio stdio)
      throws LaunchException {
    String id = "exec-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    Path state = StateDirectory.create(runtime.stateDir(), id);
    try {
      Path errorFile = state.resolve("error");
      Path specFile = state.resolve("spec");
      Files.write(specFile, LauncherSpec.join(pid, cgroupProcs, process, tty, errorFile));
      Process launcher = new ProcessBuilder(runtime.launcher().toString(), specFile.toString())
          .redirectInput(stdio.in()).redirectOutput(stdio.out()).redirectError(stdio.err()).start();
      return new ProcessExecution(launcher, new LauncherOutcome(errorFile, null, state));
    } catch (IOException | RuntimeException e) {
      StateDirectory.delete(state);
      throw new LaunchException("cannot start the launcher " + runtime.launcher() + ": " + e.getMessage(), e);
    }
  }

  private void writeSpec(RuntimeSpec spec, LaunchExtras extras, SupervisorFiles files, List<Path> procs,
      boolean detach, List<String> onExit) throws IOException {
    ByteArrayOutputStream encoded = new ByteArrayOutputStream();
    encoded.writeBytes(LauncherSpec.encode(spec, files.error(), procs, Cgroups.isUnified(runtime.cgroupRoot()),
        runtime.init()));
    encoded.writeBytes(LauncherSpec.supervise(files, detach, onExit));
    encoded.writeBytes(LauncherSpec.extras(extras, netSocket(files)));
    Files.write(files.spec(), encoded.toByteArray());
  }

  /** A short path: a unix socket's must fit in 108 bytes, which a container's directory may not. */
  private Path netSocket(SupervisorFiles files) throws IOException {
    Files.createDirectories(runtime.stateDir());
    return runtime.stateDir().resolve("net-" + files.dir().getFileName().toString().substring(0, 12) + ".sock");
  }

  /** What the launcher said last, when it could not say it through the error file. */
  private static String lastLine(Path log, int code) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).replaceFirst("^lade-launch: ", "");
    return last.isBlank() ? "the container exited at once with " + code : last;
  }

  private static void removeQuietly(Cgroup cgroup) {
    try {
      if (cgroup != null) {
        cgroup.remove();
      }
    } catch (CgroupException e) {
      System.err.println("lade: warning: " + e.getMessage());
    }
  }

  /**
   * What the launcher of a foreground container or an exec left to learn and clean: its error file, and the
   * container's cgroup (null for exec) or the exec's state directory (null for a container).
   */
  private record LauncherOutcome(Path errorFile, Cgroup cgroup, Path state) implements ProcessExecution.Outcome {

    @Override
    public LaunchException failure(int code) {
      String message = StateDirectory.readIfPresent(errorFile);
      return message == null ? null : new LaunchException(code, message);
    }

    @Override
    public boolean oomKilled(int code) {
      try {
        return cgroup != null && cgroup.oomKilled();
      } catch (CgroupException e) {
        return false;
      }
    }

    @Override
    public void cleanUp() {
      removeQuietly(cgroup);
      if (state != null) {
        StateDirectory.delete(state);
      }
    }
  }
}
