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
   * Starts {@code spec} detached, its output appended to {@link SupervisorFiles#log}; returns once its command
   * runs, with the cgroup.procs files of its cgroup (for {@link #exec}). The supervisor writes
   * {@link SupervisorFiles#started} before this returns and {@link SupervisorFiles#exited} when the container
   * exits, removes the cgroup, then runs {@code onExit} when not empty.
   *
   * @throws LaunchException when the container did not start; its cgroup is gone then
   */
  public List<Path> start(RuntimeSpec spec, LaunchExtras extras, SupervisorFiles files, List<String> onExit)
      throws LaunchException {
    Cgroup cgroup = null;
    try {
      cgroup = runtime.cgroup(spec);
      List<Path> procs = cgroup == null ? List.of() : cgroup.procsFiles();
      ByteArrayOutputStream encoded = new ByteArrayOutputStream();
      encoded.writeBytes(LauncherSpec.encode(spec, files.error(), procs, Cgroups.isUnified(runtime.cgroupRoot()),
          runtime.init()));
      encoded.writeBytes(LauncherSpec.supervise(files, onExit));
      encoded.writeBytes(LauncherSpec.extras(extras, netSocket(files)));
      Files.write(files.spec(), encoded.toByteArray());
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
      return new ProcessExecution(launcher, new ExecOutcome(state, errorFile));
    } catch (IOException | RuntimeException e) {
      StateDirectory.delete(state);
      throw new LaunchException("cannot start the launcher " + runtime.launcher() + ": " + e.getMessage(), e);
    }
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

  private record ExecOutcome(Path state, Path errorFile) implements ProcessExecution.Outcome {

    @Override
    public LaunchException failure(int code) {
      String message = StateDirectory.readIfPresent(errorFile);
      return message == null ? null : new LaunchException(code, message);
    }

    @Override
    public boolean oomKilled(int code) {
      return false;
    }

    @Override
    public void cleanUp() {
      StateDirectory.delete(state);
    }
  }
}
