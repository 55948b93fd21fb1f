package dev.lade.oci.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the system's gzip, tar and zstd for interoperability checks. */
final class Processes {
  private Processes() {}

  static boolean available(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
    }
    return false;
  }

  /** Runs {@code command} in UTC; asserts it succeeds and returns its standard output. */
  static String run(Path dir, String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile());
    pb.environment().put("TZ", "UTC");
    pb.environment().put("LC_ALL", "C.UTF-8");
    Path stderr = Files.createTempFile(dir, "stderr", ".txt");
    pb.redirectError(stderr.toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    assertEquals(0, code, String.join(" ", command) + " failed: " + Files.readString(stderr));
    return out;
  }
}
