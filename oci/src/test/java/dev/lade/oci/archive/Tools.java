package dev.lade.oci.archive;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real tools lade must interoperate with (listed in tools/test-packages.txt). */
final class Tools {
  private Tools() {}

  /** The output and exit code of a finished command. */
  record Result(int exitCode, String output) {}

  /** Skips the calling test, saying why, if {@code tool} is not installed. */
  static void require(String tool) {
    boolean found = System.getenv("PATH") != null && List.of(System.getenv("PATH").split(":")).stream()
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    assumeTrue(found, tool + " is not installed (see tools/test-packages.txt); interop test not run");
  }

  static Result run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
