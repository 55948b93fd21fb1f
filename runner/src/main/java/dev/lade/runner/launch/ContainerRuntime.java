package dev.lade.runner.launch;

import dev.lade.runner.spec.RuntimeSpec;

/** Runs containers described by a {@link RuntimeSpec}: lade's own launcher or an installed OCI runtime. */
public interface ContainerRuntime {

  /**
   * Starts the container {@code id} (unique among running ones) with its streams as {@code stdio}.
   *
   * @throws LaunchException when it cannot start; nothing of it is left behind then
   */
  Execution start(String id, RuntimeSpec spec, Stdio stdio) throws LaunchException;

  /** Starts the container and waits for it; cleans up in any case. */
  default ExitStatus run(String id, RuntimeSpec spec, Stdio stdio) throws LaunchException, InterruptedException {
    try (Execution execution = start(id, spec, stdio)) {
      return execution.waitFor();
    }
  }
}
