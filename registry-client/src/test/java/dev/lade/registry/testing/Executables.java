package dev.lade.registry.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Finds the external programs the registry tests run. */
public final class Executables {

  private Executables() {}

  /** distribution's registry, as Debian's {@code docker-registry} package installs it. */
  public static Path dockerRegistry() {
    return require("docker-registry", "docker-registry (CNCF distribution 2.8)");
  }

  /** skopeo, to show that what the fixtures serve works with a real client. */
  public static Path skopeo() {
    return require("skopeo", "skopeo");
  }

  private static Path require(String name, String what) {
    return onPath(name)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    what
                        + " not found on PATH: install the Debian package '"
                        + name
                        + "' (./test installs everything in tools/test-packages.txt)"));
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
