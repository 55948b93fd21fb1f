package dev.lade.runner.build;

import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.util.List;

/**
 * How a RUN step ended. The changes' file contents are read from the step's snapshot, so write
 * them before {@link #close()}, which removes the snapshot.
 */
public final class StepOutcome implements AutoCloseable {
  /** Releases what the step held (its snapshot, scratch files). */
  @FunctionalInterface
  interface Release {
    void run() throws IOException;
  }

  private final int exitCode;
  private final List<LayerEntry> changes;
  private final Release release;
  private boolean closed;

  StepOutcome(int exitCode, List<LayerEntry> changes, Release release) {
    this.exitCode = exitCode;
    this.changes = List.copyOf(changes);
    this.release = release;
  }

  /** The process's exit code (128 + N when signal N killed it; 125 to 127 when it could not start). */
  public int exitCode() {
    return exitCode;
  }

  /** The root filesystem's changes as layer entries in layer order; empty unless the step succeeded. */
  public List<LayerEntry> changes() {
    return changes;
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) return;
    closed = true;
    release.run();
  }
}
