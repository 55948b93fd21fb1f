package dev.lade.buildkit.run;

import java.io.IOException;

/**
 * Runs one RUN step: a process on a snapshot of the stage's root filesystem, returning what it
 * changed. lade's runner implements it; the builder only describes the step.
 */
@FunctionalInterface
public interface RunExecutor {

  /**
   * Runs {@code request}'s process to completion.
   *
   * @return the exit code and, on success, the changes to the root filesystem
   * @throws IOException if the process could not be started or its changes not read
   */
  RunResult run(RunRequest request) throws IOException, InterruptedException;
}
