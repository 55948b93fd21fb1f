package dev.lade.runner.snapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A mount to perform, as an OCI runtime spec lists one: {@code mount -t TYPE -o OPTIONS SOURCE
 * TARGET}. A launcher performs it inside its own mount namespace, or {@link
 * Snapshotter#mount(ActiveSnapshot)} in this process's.
 */
public record MountSpec(String type, String source, Path target, List<String> options) {
  public MountSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    options = List.copyOf(options);
  }

  /** The options as mount(2)'s data string, comma-separated. */
  public String data() {
    return String.join(",", options);
  }
}
