package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lade build} with COPY: the cache follows what a step reads (contents and modes, not
 * times, as BuildKit's), and bad input fails as one located line with exit code 1 and the store
 * untouched.
 */
class BuildCopyCommandTest {
  @TempDir Path dir;
  Path context;
  String root;

  @BeforeEach
  void context() throws IOException {
    context = Files.createDirectories(dir.resolve("context"));
    root = dir.resolve("store").toString();
    Files.writeString(context.resolve("a.txt"), "alpha\n");
    Files.writeString(context.resolve("b.txt"), "bravo\n");
    dockerfile("FROM scratch\nCOPY a.txt /a\nCOPY b.txt /b\n");
  }

  @Test
  void untouchedContextIsCachedAndAChangedFileIsNot() throws IOException {
    assertEquals(Map.of("COPY a.txt /a", false, "COPY b.txt /b", false), steps(build()));
    assertEquals(Map.of("COPY a.txt /a", true, "COPY b.txt /b", true), steps(build()));

    Files.setLastModifiedTime(context.resolve("a.txt"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
    assertEquals(Map.of("COPY a.txt /a", true, "COPY b.txt /b", true), steps(build()),
        "a new mtime alone keeps the cache, as BuildKit's content checksums ignore it");

    Files.writeString(context.resolve("b.txt"), "BRAVO\n"); // same size, new content
    assertEquals(Map.of("COPY a.txt /a", true, "COPY b.txt /b", false), steps(build()));

    Files.setPosixFilePermissions(context.resolve("a.txt"), PosixFilePermissions.fromString("rwx------"));
    assertEquals(Map.of("COPY a.txt /a", false, "COPY b.txt /b", false), steps(build()),
        "a new mode misses, and so does every step after it");
    assertEquals(Map.of("COPY a.txt /a", true, "COPY b.txt /b", true), steps(build()));
  }

  @Test
  void aFileAddedToACopiedDirectoryMissesTheCache() throws IOException {
    Files.createDirectories(context.resolve("dir"));
    Files.writeString(context.resolve("dir/one"), "1\n");
    dockerfile("FROM scratch\nCOPY dir /dir/\n");
    assertEquals(Map.of("COPY dir /dir/", false), steps(build()));
    assertEquals(Map.of("COPY dir /dir/", true), steps(build()));
    Files.writeString(context.resolve("dir/two"), "2\n");
    assertEquals(Map.of("COPY dir /dir/", false), steps(build()));
  }

  @Test
  void missingSource() throws IOException {
    dockerfile("FROM scratch\nCOPY missing.txt /\nCOPY a.txt /a\n");
    assertFails("Dockerfile:2: failed to compute cache key: \"/missing.txt\" not found: not found");
  }

  @Test
  void pathClimbingOutOfTheContext() throws IOException {
    Files.writeString(dir.resolve("outside.txt"), "secret\n");
    dockerfile("FROM scratch\nCOPY ../outside.txt /\n");
    assertFails("Dockerfile:2: forbidden path outside the build context: ../outside.txt");
  }

  @Test
  void symlinkPointingOutOfTheContext() throws IOException {
    Files.writeString(dir.resolve("outside.txt"), "secret\n");
    Files.createSymbolicLink(context.resolve("escape"), dir.resolve("outside.txt"));
    dockerfile("FROM scratch\nCOPY escape /\n");
    CliRun run = assertFailsOnLine(2);
    assertTrue(run.err().contains("forbidden path outside the build context: escape"), run.err());
  }

  @Test
  void unknownChownName() throws IOException {
    dockerfile("FROM scratch\nCOPY --chown=nobody a.txt /a\n"); // scratch has no /etc/passwd to find it in
    assertFails("Dockerfile:2: unable to find user nobody: no /etc/passwd in the destination");
  }

  @Test
  void badChmod() throws IOException {
    dockerfile("FROM scratch\nCOPY --chmod=888 a.txt /a\n");
    CliRun run = assertFailsOnLine(2);
    assertTrue(run.err().contains("888"), run.err());
  }

  @Test
  void aFailureAfterBuiltStepsNamesNothing() throws IOException {
    dockerfile("FROM scratch\nCOPY a.txt /a\nCOPY missing.txt /\n");
    CliRun run = CliRun.of("--root", root, "build", "--progress", "quiet", "-t", "bad:1", context.toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertEquals("Dockerfile:3: failed to compute cache key: \"/missing.txt\" not found: not found", run.err().strip());
    CliRun images = CliRun.of("--root", root, "images", "-q");
    assertEquals("", images.out().strip(), "no image is named: " + images);
  }

  private void assertFails(String line) throws IOException {
    CliRun run = assertFailsOnLine(Integer.parseInt(line.split(":")[1]));
    assertEquals(line, run.err().strip());
  }

  /** The build fails with exit code 1, one line on stderr naming {@code line}, the store as it was. */
  private CliRun assertFailsOnLine(int line) throws IOException {
    assertEquals(0, CliRun.of("--root", root, "images").exitCode());
    Map<String, Long> before = storeFiles();
    CliRun run = CliRun.of("--root", root, "build", "--progress", "quiet", "-t", "bad:1", context.toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().startsWith("Dockerfile:" + line + ": "), run.err());
    assertEquals(before, storeFiles(), "the store is untouched");
    return run;
  }

  private Map<String, Long> storeFiles() throws IOException {
    Map<String, Long> files = new TreeMap<>();
    Path store = Path.of(root);
    try (Stream<Path> all = Files.walk(store)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        // Lock files, and the context checksums remembered for the next build, are not store content.
        String name = p.getFileName().toString();
        if (!name.endsWith(".lock") && !name.startsWith("context-checksums")) {
          files.put(store.relativize(p).toString(), Files.size(p));
        }
      }
    }
    return files;
  }

  private void dockerfile(String text) throws IOException {
    Files.writeString(context.resolve("Dockerfile"), text);
  }

  private String build() {
    CliRun run = CliRun.of("--root", root, "build", "--progress", "plain", "-t", "copied:1", context.toString());
    assertEquals(0, run.exitCode(), run.toString());
    return run.err();
  }

  private static final Pattern STEP = Pattern.compile("^(#\\d+) \\[\\d+/\\d+\\] (.*)$");
  private static final Pattern CACHED = Pattern.compile("^(#\\d+) CACHED$");

  /** Each step of plain progress output, by name, and whether it was a cache hit. */
  private static Map<String, Boolean> steps(String plain) {
    Map<String, String> names = new HashMap<>();
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (String line : plain.lines().toList()) {
      Matcher step = STEP.matcher(line);
      if (step.matches()) {
        names.put(step.group(1), step.group(2));
        out.put(step.group(2), false);
      }
      Matcher cached = CACHED.matcher(line);
      if (cached.matches() && names.containsKey(cached.group(1))) out.put(names.get(cached.group(1)), true);
    }
    return out;
  }
}
