package dev.lade.runner.launch;

import dev.lade.runner.cgroup.CgroupException;
import dev.lade.runner.cgroup.Cgroups;
import dev.lade.runner.spec.ConfigJson;
import dev.lade.runner.spec.RuntimeSpec;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs containers through an installed OCI runtime ({@code runc} or {@code crun}): a bundle directory with the
 * spec's config.json, then {@code RUNTIME create} and {@code start} under the native launcher's {@code --oci} mode
 * (see oci.c), which reaps the container as containerd's shim does, relays its terminal from {@code
 * --console-socket} and exits with its status. The container's cgroup outlives it until {@link Execution#close}
 * deletes it (after an OOM kill was looked for there), with the runtime's state and the bundle.
 *
 * @param binary the runtime executable
 * @param stateDir where bundles and the runtime's own state go
 * @param launcher the native launcher ({@link LauncherBinary#extract})
 */
public record OciRuntime(Path binary, Path stateDir, Path launcher) implements ContainerRuntime {

  /** The runtime named {@code name} ({@code runc}, {@code crun}) on the PATH. */
  public static OciRuntime onPath(String name, Path stateDir) throws LaunchException {
    Path launcher;
    try {
      launcher = LauncherBinary.extract(LauncherBinary.defaultCacheDir());
    } catch (IOException e) {
      throw new LaunchException("cannot install the native launcher: " + e.getMessage(), e);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate)) {
        return new OciRuntime(candidate, stateDir, launcher);
      }
    }
    throw new LaunchException(LaunchException.SETUP_FAILED,
        "runtime " + name + " not found in PATH (install the " + name + " package)");
  }

  @Override
  public Execution start(String id, RuntimeSpec spec, Stdio stdio) throws LaunchException {
    return start(id, spec, stdio, false);
  }

  /** Starts the container, on a terminal of its own devpts when {@code tty} (docker run -t). */
  public Execution start(String id, RuntimeSpec spec, Stdio stdio, boolean tty) throws LaunchException {
    cleanupStale();
    Path bundle = StateDirectory.create(stateDir, id);
    Path log = bundle.resolve("runtime.log");
    Path pidFile = bundle.resolve("pid");
    String console = tty ? bundle.resolve("console.sock").toString() : "";
    try {
      // runc and crun outlive a killed lade, and their container with them: lade is the owner to outlive.
      StaleContainers.recordOwner(bundle, ProcessHandle.current());
      Files.write(bundle.resolve("config.json"), ConfigJson.write(spec, tty));
      List<String> command = new ArrayList<>(List.of(launcher.toString(), "--oci", pidFile.toString(), console, "--"));
      command.addAll(runtime("--log", log.toString(), "--log-format", "json", "create", "--pid-file",
          pidFile.toString(), "--bundle", bundle.toString(), id));
      if (tty) {
        command.addAll(command.size() - 1, List.of("--console-socket", console));
      }
      command.add("--");
      command.addAll(runtime("--log", log.toString(), "--log-format", "json", "start", id));
      Process process = new ProcessBuilder(command)
          .redirectInput(stdio.in()).redirectOutput(stdio.out()).redirectError(stdio.err()).start();
      return new ProcessExecution(process, new Outcome(this, id, bundle, log, spec.linux().cgroupsPath()));
    } catch (IOException e) {
      StateDirectory.delete(bundle);
      throw new LaunchException("cannot start " + binary + ": " + e.getMessage(), e);
    }
  }

  /**
   * Ends the containers of lades that were killed (a {@code kill -9} leaves runc or crun running them): {@code
   * delete --force} kills them and removes their cgroup and the runtime's state; then their bundles go.
   *
   * @return the ids of the containers removed
   */
  public List<String> cleanupStale() {
    return StaleContainers.cleanUp(stateDir, bundle -> {
      delete(bundle.getFileName().toString());
      StateDirectory.delete(bundle);
    });
  }

  /** {@code delete --force}: kills the container if it runs, removes its cgroup and the runtime's state of it. */
  private void delete(String id) throws IOException, InterruptedException {
    new ProcessBuilder(runtime("delete", "--force", id)).redirectOutput(Redirect.DISCARD)
        .redirectError(Redirect.DISCARD).start().waitFor();
  }

  /** The runtime's command line with its global options, then {@code args}. */
  private List<String> runtime(String... args) {
    List<String> command = new ArrayList<>(HybridCgroups.wrapperFor(binary, Cgroups.ROOT));
    command.addAll(List.of(binary.toString(), "--root", stateDir.resolve(".runtime").toString()));
    command.addAll(List.of(args));
    return command;
  }

  private record Outcome(OciRuntime runtime, String id, Path bundle, Path log, String cgroupsPath)
      implements ProcessExecution.Outcome {

    /** A runtime logs errors of its own only; the container's exit code alone leaves the log quiet. */
    @Override
    public LaunchException failure(int code) {
      String text = StateDirectory.readIfPresent(log);
      String last = text == null ? null : RuntimeLog.lastError(text);
      if (last == null) {
        return null;
      }
      // As docker: the reason decides the code, for the runtime exits 1 or 255 whatever it was.
      String lower = last.toLowerCase(Locale.ROOT);
      int dockerCode = lower.contains("no such file") || lower.contains("not found") ? LaunchException.NOT_FOUND
          : lower.contains("permission denied") ? LaunchException.NOT_EXECUTABLE : LaunchException.SETUP_FAILED;
      return new LaunchException(dockerCode, last, text);
    }

    /** The container's cgroup stays until {@link #cleanUp} deletes the container: its OOM count tells. */
    @Override
    public boolean oomKilled(int code) {
      try {
        return Cgroups.existing(Cgroups.ROOT, cgroupsPath).oomKilled();
      } catch (CgroupException e) {
        return false;
      }
    }

    @Override
    public void cleanUp() {
      try {
        runtime.delete(id);
      } catch (IOException e) {
        System.err.println("lade: warning: cannot delete container " + id + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        StateDirectory.delete(bundle);
      }
    }
  }
}
