package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lade build} with COPY: the cache follows what a step reads (contents and modes, not
 * times, as BuildKit's); a build that fails names no image but keeps its finished steps' cache,
 * as BuildKit does. (Bad input itself: {@link BuildBadInputTest}.)
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
  void aFailureAfterBuiltStepsNamesNothingButKeepsTheirCache() throws IOException {
    // An unknown --chown name is known only when the step runs, on the tree the steps before it built.
    failedBuild("FROM scratch\nCOPY a.txt /a\nCOPY --chown=nobody a.txt /b\n",
        "Dockerfile:3: unable to find user nobody: no /etc/passwd in the destination");
    CliRun images = CliRun.of("--root", root, "images", "-q");
    assertEquals("", images.out().strip(), "no image is named: " + images);
    dockerfile("FROM scratch\nCOPY a.txt /a\n");
    assertEquals(Map.of("COPY a.txt /a", true), steps(build()));
  }

  @Test
  void aMissingContextSourceFailsBeforeAnyStepRuns() throws IOException {
    failedBuild("FROM scratch\nCOPY a.txt /a\nCOPY missing.txt /\n",
        "Dockerfile:3: failed to compute cache key: \"/missing.txt\" not found: not found");
    dockerfile("FROM scratch\nCOPY a.txt /a\n");
    assertEquals(Map.of("COPY a.txt /a", false), steps(build()), "the step before the failing one never ran");
  }

  /** Builds {@code text}, which must fail with exit code 1 and the one line {@code error}. */
  private void failedBuild(String text, String error) throws IOException {
    dockerfile(text);
    CliRun run = CliRun.of("--root", root, "build", "--progress", "quiet", "-t", "bad:1", context.toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertEquals(error, run.err().strip());
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
