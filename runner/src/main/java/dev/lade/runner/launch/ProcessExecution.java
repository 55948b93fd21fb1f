package dev.lade.runner.launch;

import java.util.concurrent.TimeUnit;

/** An {@link Execution} whose container stands behind one host process (the launcher, or runc/crun run). */
final class ProcessExecution implements Execution {

  /** What a backend learns after its process ended. */
  interface Outcome {
    /** The launch failure behind {@code code}, or null when the container's command ran. */
    LaunchException failure(int code);

    /** Whether the OOM killer ended the container. */
    boolean oomKilled(int code);

    /** Removes what the container left: cgroup, state directory. */
    void cleanUp();
  }

  private static final long KILL_GRACE_SECONDS = 5;

  private final Process process;
  private final Outcome outcome;
  private boolean closed;

  ProcessExecution(Process process, Outcome outcome) {
    this.process = process;
    this.outcome = outcome;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public void terminate() {
    process.destroy();
  }

  @Override
  public ExitStatus waitFor() throws LaunchException, InterruptedException {
    int code = process.waitFor();
    LaunchException failure = outcome.failure(code);
    if (failure != null) {
      throw failure;
    }
    return new ExitStatus(code, code == 137 && outcome.oomKilled(code));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(KILL_GRACE_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      outcome.cleanUp();
    }
  }
}
