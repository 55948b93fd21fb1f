package dev.lade.buildkit.run;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Runs one RUN step: a process on a snapshot of the stage's root filesystem, returning what it
 * changed. lade's runner implements it; the builder only describes the step.
 */
@FunctionalInterface
public interface RunExecutor {

  /**
   * Runs {@code request}'s process to completion.
   *
   * @param output receives the process's output (standard output and error), line by line
   * @return the exit code and, on success, the changes to the root filesystem; close it once the
   *     changes are written
   * @throws IOException if the process could not be started or its changes not read
   */
  RunResult run(RunRequest request, Consumer<String> output) throws IOException, InterruptedException;
}
