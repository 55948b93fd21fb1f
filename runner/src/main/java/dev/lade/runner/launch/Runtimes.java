package dev.lade.runner.launch;

import dev.lade.runner.cgroup.Cgroups;
import java.io.IOException;
import java.nio.file.Path;

/** The backends {@code --runtime} names, with their state where lade keeps running containers'. */
public final class Runtimes {

  private Runtimes() {}

  /** {@code native} (lade's launcher), {@code runc} or {@code crun}. */
  public static ContainerRuntime named(String name) throws LaunchException {
    return name.equals("native") ? nativeRuntime(false) : oci(name);
  }

  /** {@code runc} or {@code crun}. */
  public static OciRuntime oci(String name) throws LaunchException {
    return switch (name) {
      case "runc", "crun" -> OciRuntime.onPath(name, stateDir().resolve(name));
      default -> throw new LaunchException(LaunchException.SETUP_FAILED,
          "unknown runtime " + name + " (lade knows native, runc and crun)");
    };
  }

  /** lade's own launcher; with {@code init}, it stays PID 1 of its containers (docker run --init). */
  public static NativeRuntime nativeRuntime(boolean init) throws LaunchException {
    try {
      return new NativeRuntime(LauncherBinary.extract(LauncherBinary.defaultCacheDir()), stateDir().resolve("native"),
          Cgroups.ROOT, init);
    } catch (IOException e) {
      throw new LaunchException("cannot install the native launcher: " + e.getMessage(), e);
    }
  }

  /** /run/lade for root; $XDG_RUNTIME_DIR/lade, else /tmp/lade-USER, for others. */
  public static Path stateDir() {
    if ("root".equals(System.getProperty("user.name"))) {
      return Path.of("/run/lade");
    }
    String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
    return runtimeDir != null && !runtimeDir.isEmpty() ? Path.of(runtimeDir, "lade")
        : Path.of(System.getProperty("java.io.tmpdir"), "lade-" + System.getProperty("user.name"));
  }
}
