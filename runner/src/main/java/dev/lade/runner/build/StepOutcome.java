package dev.lade.runner.build;

import dev.lade.oci.layer.LayerEntry;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
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

  /** Keeps the step's changes as the unpacked form of the layer they were written as. */
  @FunctionalInterface
  interface Keep {
    boolean keep(SnapshotLayer layer) throws IOException;
  }

  private final int exitCode;
  private final List<LayerEntry> changes;
  private final Keep keep;
  private final Release release;
  private boolean closed;

  StepOutcome(int exitCode, List<LayerEntry> changes, Keep keep, Release release) {
    this.exitCode = exitCode;
    this.changes = List.copyOf(changes);
    this.keep = keep;
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

  /**
   * Tells the runner that {@link #changes()} were written as {@code layer}: the snapshot's own copy
   * of them becomes that layer's unpacked form (where the snapshotter keeps changes apart), so a
   * later step on it unpacks nothing. Call it before {@link #close()}, at most once.
   *
   * @return whether the changes were kept
   */
  public synchronized boolean written(SnapshotLayer layer) throws IOException {
    if (closed) throw new IllegalStateException("the step's snapshot is removed already");
    if (exitCode != 0) throw new IllegalStateException("a failed step has no layer");
    return keep.keep(layer);
  }

  @Override
  public synchronized void close() throws IOException {
    if (closed) return;
    closed = true;
    release.run();
  }
}
