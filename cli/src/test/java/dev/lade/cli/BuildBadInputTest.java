package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code lade build} fails in one line, located in the Dockerfile when it comes from
 * there, with exit code 2 (bad input: the Dockerfile or the flags), and leaves the store as it was.
 */
class BuildBadInputTest {
  @TempDir Path dir;
  private Path store;

  @BeforeEach
  void emptyStore() {
    store = dir.resolve("store");
    assertEquals(0, CliRun.of("--root", store.toString(), "images").exitCode());
  }

  /** Builds {@code dockerfile} with {@code flags}; checks exit code, one line, and an unchanged store. */
  private String fails(int exitCode, String dockerfile, String... flags) throws IOException {
    Path context = Files.createDirectories(dir.resolve("context"));
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    Map<String, Long> before = tree(store);
    List<String> args = new ArrayList<>(List.of("--root", store.toString(), "build", "--progress", "quiet"));
    args.addAll(List.of(flags));
    args.add(context.toString());
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(exitCode, run.exitCode(), run.err());
    assertEquals(1, run.err().lines().count(), "one line: " + run.err());
    assertEquals(before, tree(store), "store untouched");
    return run.err().strip();
  }

  @Test
  void unknownStagesAreLocated() throws IOException {
    assertEquals("Dockerfile:3: invalid stage index 4",
        fails(2, "FROM scratch AS a\nFROM scratch\nCOPY --from=4 /x /x\n"));
    assertEquals("lade: target stage \"bsae\" could not be found (did you mean base?)",
        fails(2, "FROM scratch AS base\nFROM base AS final\n", "--target", "bsae"));
  }

  @Test
  void cyclesBetweenStagesAreLocated() throws IOException {
    String cycle = fails(2, """
        FROM scratch AS a
        COPY --from=b /x /x
        FROM scratch AS b
        COPY --from=a /y /y
        """);
    assertTrue(cycle.startsWith("Dockerfile:"), cycle);
    assertTrue(cycle.contains("circular dependency detected on stage: "), cycle);
  }

  @Test
  void invalidOutputSpecsAreUsageErrors() throws IOException {
    assertEquals("invalid output spec \"type=nope,dest=x\": unknown type \"nope\" (use oci, docker, local, image or registry)",
        stripPrefix(fails(2, "FROM scratch\n", "-o", "type=nope,dest=x")));
    assertTrue(fails(2, "FROM scratch\n", "-o", "type=oci").contains("dest is required"));
  }

  @Test
  void badValuesInTheDockerfileAreLocated() throws IOException {
    assertEquals("Dockerfile:2: invalid proto: xyz", stripPrefix(fails(2, "FROM scratch\nEXPOSE 80/xyz\n")));
    assertEquals("Dockerfile:3:1: unknown instruction: BOGUS", fails(2, "FROM scratch\nLABEL a=b\nBOGUS x\n"));
    assertTrue(fails(2, "FROM scratch\nSTOPSIGNAL SIGNOPE\n").startsWith("Dockerfile:2: "));
  }

  /** The error line without the {@code lade: } prefix of errors that are not located. */
  private static String stripPrefix(String line) {
    return line.startsWith("lade: ") ? line.substring("lade: ".length()) : line;
  }

  private static Map<String, Long> tree(Path root) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        if (p.getFileName().toString().endsWith(".lock")) continue;
        out.put(root.relativize(p).toString(), Files.isRegularFile(p) ? Files.size(p) : -1L);
      }
    }
    return out;
  }
}
