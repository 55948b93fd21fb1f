package dev.lade.runner.launch;

import dev.lade.runner.cgroup.Cgroup;
import dev.lade.runner.cgroup.CgroupException;
import dev.lade.runner.cgroup.Cgroups;
import dev.lade.runner.snapshot.fs.Posix;
import dev.lade.runner.spec.RuntimeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Runs containers with lade's native launcher (runner/src/main/c).
 *
 * <p>Java makes the cgroup and writes its limits, then starts the launcher with the encoded spec; the launcher
 * joins the cgroup, enters the namespaces and execs the command, and exits with the command's status.
 *
 * @param launcher the launcher executable ({@link LauncherBinary#extract})
 * @param stateDir where containers' state directories go
 * @param cgroupRoot where cgroup filesystems are mounted, normally {@link Cgroups#ROOT}
 * @param init whether the launcher stays PID 1 and runs the command as its child (docker run --init)
 */
public record NativeRuntime(Path launcher, Path stateDir, Path cgroupRoot, boolean init) implements ContainerRuntime {

  @Override
  public Execution start(String id, RuntimeSpec spec, Stdio stdio) throws LaunchException {
    return start(id, spec, stdio, LaunchExtras.NONE);
  }

  /** Starts the container with {@code extras}: a terminal (docker run -t), published ports (-p). */
  public Execution start(String id, RuntimeSpec spec, Stdio stdio, LaunchExtras extras) throws LaunchException {
    cleanupStale();
    spec = Rootless.forCurrentUser(spec);
    Path state = StateDirectory.create(stateDir, id);
    Cgroup cgroup = null;
    try {
      Files.writeString(state.resolve(StaleContainers.CGROUP_FILE), spec.linux().cgroupsPath());
      cgroup = cgroup(spec);
      Path errorFile = state.resolve("error");
      List<Path> procs = cgroup == null ? List.of() : cgroup.procsFiles();
      Path specFile = state.resolve("spec");
      Files.write(specFile, LauncherSpec.encode(spec, errorFile, procs, Cgroups.isUnified(cgroupRoot), init));
      Files.write(specFile, LauncherSpec.extras(extras, state.resolve("net.sock")), StandardOpenOption.APPEND);
      Process process = new ProcessBuilder(launcher.toString(), specFile.toString())
          .redirectInput(stdio.in()).redirectOutput(stdio.out()).redirectError(stdio.err()).start();
      StaleContainers.recordOwner(state, process.toHandle());
      return new ProcessExecution(process, new Outcome(state, errorFile, cgroup));
    } catch (IOException | RuntimeException e) {
      new Outcome(state, null, cgroup).cleanUp();
      throw e instanceof CgroupException cgroupFailure
          ? new LaunchException(LaunchException.SETUP_FAILED, cgroupFailure.getMessage())
          : new LaunchException("cannot start the launcher " + launcher + ": " + e.getMessage(), e);
    }
  }

  /**
   * Removes what containers of a killed lade left (their cgroups, state directories); returns their ids. Runs at
   * every start.
   */
  public List<String> cleanupStale() {
    return StaleContainers.cleanUp(stateDir, cgroupRoot);
  }

  /** The container's cgroup; none for an unprivileged user who asked for no limits (nothing to delegate then). */
  Cgroup cgroup(RuntimeSpec spec) throws CgroupException {
    var resources = spec.linux().resources();
    try {
      return Cgroups.create(cgroupRoot, spec.linux().cgroupsPath(), resources);
    } catch (CgroupException e) {
      if (resources.isLimited() || Posix.isRoot()) {
        throw e;
      }
      return null;
    }
  }

  private record Outcome(Path state, Path errorFile, Cgroup cgroup) implements ProcessExecution.Outcome {

    @Override
    public LaunchException failure(int code) {
      String message = errorFile == null ? null : StateDirectory.readIfPresent(errorFile);
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
      try {
        if (cgroup != null) {
          cgroup.remove();
        }
      } catch (CgroupException e) {
        System.err.println("lade: warning: " + e.getMessage());
      } finally {
        StateDirectory.delete(state);
      }
    }
  }
}
