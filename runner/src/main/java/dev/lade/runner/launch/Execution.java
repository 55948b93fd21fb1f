package dev.lade.runner.launch;

/** A started container. {@link #close} kills it if still running and removes what it left (cgroup, state). */
public interface Execution extends AutoCloseable {

  /** The host pid of the process that stands for the container (it exits with the container's code). */
  long pid();

  /** Asks the container to stop: SIGTERM to its main process. */
  void terminate();

  /**
   * Waits for the container to end.
   *
   * @throws LaunchException when it ended before its command ran (bad command, setup failure)
   */
  ExitStatus waitFor() throws LaunchException, InterruptedException;

  @Override
  void close();
}
