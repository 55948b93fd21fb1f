package dev.lade.buildkit.run;

import dev.lade.oci.layer.LayerEntry;
import java.util.List;

/**
 * What a RUN step did.
 *
 * @param exitCode the process's exit code; the step fails unless it is 0
 * @param changes the root filesystem's changes as layer entries (whiteouts for deletions), in
 *     any order
 */
public record RunResult(int exitCode, List<LayerEntry> changes) {
  public RunResult {
    changes = List.copyOf(changes);
  }
}
