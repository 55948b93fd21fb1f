package dev.lade.runner.spec;

import java.util.List;
import java.util.Objects;

/**
 * One filesystem mount of an OCI runtime spec, as in config.json's {@code mounts}.
 *
 * @param destination absolute path inside the container
 * @param type filesystem type ({@code proc}, {@code tmpfs}, {@code bind}, ...)
 * @param source what is mounted: a host path for binds, a name for pseudo filesystems
 * @param options mount(8) style options ({@code ro}, {@code nosuid}, {@code rbind}, {@code mode=755}, ...)
 */
public record Mount(String destination, String type, String source, List<String> options) {

  public Mount {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    if (!destination.startsWith("/")) {
      throw new IllegalArgumentException("mount destination must be absolute: " + destination);
    }
    options = List.copyOf(options);
  }

  /** A bind mount of a host path, read-only when {@code readOnly}. */
  public static Mount bind(String hostPath, String destination, boolean readOnly) {
    return new Mount(destination, "bind", hostPath,
        readOnly ? List.of("rbind", "ro") : List.of("rbind", "rw"));
  }

  /** A tmpfs, as {@code docker run --tmpfs} makes it (nosuid, nodev, noexec). */
  public static Mount tmpfs(String destination) {
    return new Mount(destination, "tmpfs", "tmpfs", List.of("rw", "nosuid", "nodev", "noexec"));
  }

  /** Whether this mounts a host path rather than a fresh filesystem. */
  public boolean isBind() {
    return type.equals("bind") || options.contains("bind") || options.contains("rbind");
  }
}
