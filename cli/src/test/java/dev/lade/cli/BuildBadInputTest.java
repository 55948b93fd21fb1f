package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code lade build} fails in one line, located in the Dockerfile when it comes from
 * there ({@code Dockerfile:LINE: ...}), with exit code 2 for a malformed Dockerfile or flags and 1
 * for a step that cannot be carried out, and leaves every file of the store as it was.
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
    Map<String, String> before = StoreFiles.of(store);
    List<String> args = new ArrayList<>(List.of("--root", store.toString(), "build", "--progress", "quiet"));
    args.addAll(List.of(flags));
    args.add(context.toString());
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(exitCode, run.exitCode(), run.err());
    assertEquals(1, run.err().lines().count(), "one line: " + run.err());
    assertEquals(before, StoreFiles.of(store), "store untouched");
    return run.err().strip();
  }

  private void file(String name, String text) throws IOException {
    Path path = dir.resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  @Test
  void missingCopySourcesAreLocated() throws IOException {
    assertEquals("Dockerfile:3: failed to compute cache key: \"/missing.txt\" not found: not found",
        fails(1, "FROM scratch\nLABEL a=b\nCOPY missing.txt /\n"));
    String directory = fails(1, "FROM scratch\nCOPY none/ /n\n");
    assertTrue(directory.startsWith("Dockerfile:2: ") && directory.contains("/none"), directory);
  }

  @Test
  void pathsLeavingTheContextAreRefused() throws IOException {
    file("outside.txt", "secret\n");
    assertEquals("Dockerfile:2: forbidden path outside the build context: ../outside.txt",
        fails(1, "FROM scratch\nCOPY ../outside.txt /\n"));
    Files.createDirectories(dir.resolve("context"));
    Files.createSymbolicLink(dir.resolve("context/escape"), dir.resolve("outside.txt"));
    Files.createSymbolicLink(dir.resolve("context/up"), Path.of("../outside.txt"));
    assertTrue(fails(1, "FROM scratch\nCOPY escape /\n")
        .startsWith("Dockerfile:2: forbidden path outside the build context: escape"));
    assertTrue(fails(1, "FROM scratch\nLABEL a=b\nADD up /\n")
        .startsWith("Dockerfile:3: forbidden path outside the build context: up"));
  }

  @Test
  void badChmodIsLocated() throws IOException {
    file("context/a.txt", "a\n");
    assertEquals("Dockerfile:2: invalid chmod parameter: '07778'. it should be octal string and between 0 and 07777",
        fails(1, "FROM scratch\nCOPY --chmod=07778 a.txt /a\n"));
    assertTrue(fails(1, "FROM scratch\nCOPY --chmod=u+q a.txt /a\n").startsWith("Dockerfile:2: invalid chmod parameter: 'u+q'"));
  }

  @Test
  void unknownStagesAreLocated() throws IOException {
    assertEquals("Dockerfile:3: invalid stage index 4",
        fails(2, "FROM scratch AS a\nFROM scratch\nCOPY --from=4 /x /x\n"));
    assertEquals("lade: target stage \"bsae\" could not be found (did you mean base?)",
        fails(2, "FROM scratch AS base\nFROM base AS final\n", "--target", "bsae"));
    // A name that is no stage is an image, as in BuildKit; this one's registry refuses at once.
    String image = fails(1, "FROM scratch AS build\nFROM scratch\nCOPY --from=127.0.0.1:9/build /x /x\n");
    assertTrue(image.startsWith("Dockerfile:3: 127.0.0.1:9/build: failed to resolve source metadata for "
        + "127.0.0.1:9/build:latest: "), image);
    String from = fails(1, "FROM scratch AS build\nFROM 127.0.0.1:9/base\n");
    assertTrue(from.startsWith("Dockerfile:2: 127.0.0.1:9/base: failed to resolve source metadata"), from);
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
    assertEquals("invalid output spec \"type=oci,dest=x,tar=maybe\": tar must be true or false, not \"maybe\"",
        stripPrefix(fails(2, "FROM scratch\n", "-o", "type=oci,dest=x,tar=maybe")));
    assertTrue(fails(2, "FROM scratch\n", "-o", "type=local,dest=a,bogus=1").contains("unknown field \"bogus\""));
    assertEquals("--push: tag is needed when pushing to registry", stripPrefix(fails(2, "FROM scratch\n", "--push")));
    Path directory = Files.createDirectories(dir.resolve("a-directory"));
    assertEquals("destination file " + directory + " is a directory",
        stripPrefix(fails(2, "FROM scratch\n", "-o", "type=oci,dest=" + directory)));
    Files.writeString(dir.resolve("a-file"), "");
    assertTrue(fails(2, "FROM scratch\n", "-o", "type=docker,dest=" + dir.resolve("a-file/x.tar"))
        .contains("is not a directory"));
    assertTrue(stripPrefix(fails(2, "FROM scratch\n", "-t", "ok:1", "-t", "Upper/Case"))
        .startsWith("invalid argument \"Upper/Case\" for \"-t, --tag\" flag: invalid reference format"));
  }

  @Test
  void badValuesInTheDockerfileAreLocated() throws IOException {
    assertEquals("Dockerfile:2: invalid proto: xyz", stripPrefix(fails(2, "FROM scratch\nEXPOSE 80/xyz\n")));
    assertEquals("Dockerfile:3:1: unknown instruction: BOGUS", fails(2, "FROM scratch\nLABEL a=b\nBOGUS x\n"));
    assertTrue(fails(2, "FROM scratch\nSTOPSIGNAL SIGNOPE\n").startsWith("Dockerfile:2: "));
  }

  @Test
  void unknownChownNamesAreLocated() throws IOException {
    Path rootfs = dev.lade.oci.testing.BusyboxRootfs.writeTar(dir.resolve("rootfs.tar"));
    assertEquals(0, CliRun.of("--root", store.toString(), "import", rootfs.toString(), "lade-bad/base:1").exitCode());
    Files.createDirectories(dir.resolve("context"));
    Files.writeString(dir.resolve("context/file"), "data\n");
    String user = fails(1, "FROM lade-bad/base:1\nLABEL a=b\nCOPY --chown=nobody-here file /copy\n");
    assertTrue(user.startsWith("Dockerfile:3: ") && user.contains("nobody-here"), user);
    String group = fails(1, "FROM lade-bad/base:1\nCOPY --chown=builder:no-group file /copy\n");
    assertTrue(group.startsWith("Dockerfile:2: ") && group.contains("no-group"), group);
    assertEquals("Dockerfile:2: unable to find user nobody: no /etc/passwd in the destination",
        fails(1, "FROM scratch\nCOPY --chown=nobody file /copy\n"));
  }

  @Test
  void badContextSourcesFailBeforeAnyStepRuns() throws IOException {
    Path rootfs = dev.lade.oci.testing.BusyboxRootfs.writeTar(dir.resolve("rootfs.tar"));
    assertEquals(0, CliRun.of("--root", store.toString(), "import", rootfs.toString(), "lade-bad/base:1").exitCode());
    file("context/a", "a\n");
    file("outside.txt", "secret\n");
    Files.createSymbolicLink(dir.resolve("context/escape"), dir.resolve("outside.txt"));
    assertEquals("Dockerfile:5: failed to compute cache key: \"/missing\" not found: not found", fails(1, """
        FROM lade-bad/base:1
        RUN echo $RANDOM > /r
        COPY a /a
        RUN echo hi > /hi
        COPY missing /b
        """));
    assertEquals("Dockerfile:4: forbidden path outside the build context: ../outside.txt", fails(1, """
        FROM lade-bad/base:1
        RUN echo $RANDOM > /r
        COPY a /a
        ADD ../outside.txt /o
        """));
    String escape = fails(1, """
        FROM lade-bad/base:1 AS one
        RUN echo one > /one
        COPY a /a
        FROM lade-bad/base:1
        COPY --from=one /one /one
        COPY a escape /e/
        """);
    assertTrue(escape.startsWith("Dockerfile:6: forbidden path outside the build context: escape"), escape);
  }

  /** The error line without the {@code lade: } prefix of errors that are not located. */
  private static String stripPrefix(String line) {
    return line.startsWith("lade: ") ? line.substring("lade: ".length()) : line;
  }
}
