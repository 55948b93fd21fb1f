package dev.lade.runner.build;

import dev.lade.oci.store.Lease;
import java.nio.file.Path;

/**
 * A cache mount's directory, held until {@link #close()}.
 *
 * @param path the directory to bind into the step
 * @param created whether it was made just now (empty), so a {@code from=} source may seed it
 * @param lease the hold on it that {@link CacheSharing} asks for
 */
public record CacheDir(Path path, boolean created, Lease lease) implements AutoCloseable {
  @Override
  public void close() {
    lease.close();
  }
}
