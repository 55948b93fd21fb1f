package dev.lade.buildkit.run;

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
 */
public record RunResult(int exitCode, List<LayerEntry> changes, Closeable release) implements Closeable {
  public RunResult {
    changes = List.copyOf(changes);
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
