package dev.lade.buildkit.run;

import dev.lade.buildkit.config.ImageLayer;
import dev.lade.oci.layer.LayerEntry;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * What a RUN step did. The changes' contents may be read from the executor's snapshot, which
 * {@link #close()} releases: write them first.
 *
 * @param exitCode the process's exit code; the step fails unless it is 0
 * @param changes the root filesystem's changes as layer entries (whiteouts for deletions), in
 *     layer order
 * @param release frees what holds the changes' contents
 * @param written told the layer the changes were written as, before {@link #close()}: the executor
 *     may keep its copy of the changes as that layer's unpacked form for the steps that follow
 */
public record RunResult(int exitCode, List<LayerEntry> changes, Closeable release, Written written)
    implements Closeable {

  /** Receives the layer a step's changes became. */
  @FunctionalInterface
  public interface Written {
    void layer(ImageLayer layer) throws IOException;
  }

  public RunResult {
    changes = List.copyOf(changes);
  }

  /** A result that keeps nothing of its changes once written. */
  public RunResult(int exitCode, List<LayerEntry> changes, Closeable release) {
    this(exitCode, changes, release, layer -> { });
  }

  /** A result whose changes hold nothing to release. */
  public RunResult(int exitCode, List<LayerEntry> changes) {
    this(exitCode, changes, () -> { });
  }

  @Override
  public void close() throws IOException {
    release.close();
  }
}
