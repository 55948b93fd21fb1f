package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build README.md shows as lade's main job works as it says: testdata/example, no base image, no network. */
class ReadmeExampleTest {
  private static final String EXAMPLE = CliRun.repoPath("testdata/example").toString();
  @TempDir Path dir;

  @Test
  void theExampleBuildsIntoTheStore() {
    String root = dir.resolve("store").toString();
    CliRun build = CliRun.of("--root", root, "build", "--progress", "plain", "-t", "example", EXAMPLE);
    assertEquals(0, build.exitCode(), build.err());
    CliRun inspect = CliRun.of("--root", root, "inspect", "example");
    assertEquals(0, inspect.exitCode(), inspect.err());
    assertTrue(inspect.out().contains("\"GREETING=Hello from lade\""), inspect.out());
    assertTrue(inspect.out().matches("(?s).*\"WorkingDir\"\\s*:\\s*\"/srv\".*"), inspect.out());
  }

  /** As docker build -q: only the image id on stdout; built again from the cache, the same id (as BuildKit's). */
  @Test
  void quietPrintsTheImageIdWhichACachedRebuildKeeps() {
    String root = dir.resolve("store").toString();
    CliRun first = CliRun.of("--root", root, "build", "-q", EXAMPLE);
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().matches("sha256:[0-9a-f]{64}\\n"), first.out());
    assertEquals("", first.err());
    CliRun again = CliRun.of("--root", root, "build", "--quiet", EXAMPLE);
    assertEquals(first.out(), again.out());
  }

  @Test
  void theExampleFilesystemHoldsTheCopiedGreeting() throws IOException {
    Path out = dir.resolve("rootfs");
    CliRun build = CliRun.of("--root", dir.resolve("store").toString(), "build", "--progress", "quiet",
        "-o", "type=local,dest=" + out, EXAMPLE);
    assertEquals(0, build.exitCode(), build.err());
    assertEquals(Files.readString(Path.of(EXAMPLE, "hello.txt")), Files.readString(out.resolve("etc/motd")));
    assertTrue(Files.isDirectory(out.resolve("srv")));
  }
}
