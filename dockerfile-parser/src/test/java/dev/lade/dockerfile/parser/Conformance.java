package dev.lade.dockerfile.parser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates BuildKit's conformance data (never copied into the repository). */
final class Conformance {
  private Conformance() {}

  /** The conformance folder, or skips the calling test saying why. */
  static Path root() {
    String env = System.getenv("LADE_CONFORMANCE");
    Path dir;
    if (env != null && !env.isBlank()) {
      dir = Path.of(env);
    } else {
      String repo = System.getProperty("lade.repo");
      dir = repo == null ? null : Path.of(repo).resolve("../shared/conformance/buildkit").normalize();
    }
    assumeTrue(dir != null && Files.isDirectory(dir.resolve("parser")),
        "BuildKit conformance data not found (set LADE_CONFORMANCE or place it at ../shared/conformance/buildkit): "
            + dir);
    return dir;
  }
}
