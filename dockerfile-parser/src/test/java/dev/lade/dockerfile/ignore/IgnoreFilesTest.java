package dev.lade.dockerfile.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which ignore file applies: BuildKit's dockerui reads {@code <Dockerfile>.dockerignore} first. */
class IgnoreFilesTest {
  @TempDir Path context;

  @Test
  void dockerfileSpecificIgnoreFileWins() throws IOException {
    Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
    Files.writeString(context.resolve(".dockerignore"), "*.md\n");
    Path specific = Files.writeString(context.resolve("Dockerfile.dockerignore"), "*.txt\n");

    assertEquals(Optional.of(specific), IgnoreFiles.locate(context, dockerfile));
    IgnorePatterns pm = IgnoreFiles.load(context, dockerfile);
    assertTrue(pm.excludes("notes.txt"));
    assertFalse(pm.excludes("README.md")); // the files are not merged
    assertEquals("Dockerfile.dockerignore", pm.source());
  }

  @Test
  void contextIgnoreFileAppliesOtherwise() throws IOException {
    Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
    Path general = Files.writeString(context.resolve(".dockerignore"), "*.md\n");
    assertEquals(Optional.of(general), IgnoreFiles.locate(context, dockerfile));
    assertTrue(IgnoreFiles.load(context, dockerfile).excludes("README.md"));
  }

  @Test
  void customDockerfileNameInAnotherDirectory() throws IOException {
    Path dir = Files.createDirectory(context.resolve("docker"));
    Path dockerfile = Files.writeString(dir.resolve("app.Dockerfile"), "FROM scratch\n");
    Files.writeString(context.resolve(".dockerignore"), "*.md\n");
    Path specific = Files.writeString(dir.resolve("app.Dockerfile.dockerignore"), "secret\n");
    Files.writeString(dir.resolve("Dockerfile.dockerignore"), "unrelated\n");

    assertEquals(Optional.of(specific), IgnoreFiles.locate(context, dockerfile));
  }

  @Test
  void directoryNamedLikeTheIgnoreFileIsNotOne() throws IOException {
    Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
    Files.createDirectory(context.resolve("Dockerfile.dockerignore"));
    Path general = Files.writeString(context.resolve(".dockerignore"), "x\n");
    assertEquals(Optional.of(general), IgnoreFiles.locate(context, dockerfile));
  }

  @Test
  void noIgnoreFileMeansNothingIsExcluded() throws IOException {
    Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
    assertEquals(Optional.empty(), IgnoreFiles.locate(context, dockerfile));
    assertFalse(IgnoreFiles.load(context, dockerfile).excludes("anything"));
  }

  @Test
  void dockerfileFromStdinUsesTheContextFile() throws IOException {
    Path general = Files.writeString(context.resolve(".dockerignore"), "x\n");
    assertEquals(Optional.of(general), IgnoreFiles.locate(context, null));
  }

  @Test
  void errorsNameTheIgnoreFile() throws IOException {
    Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
    Files.writeString(context.resolve("Dockerfile.dockerignore"), "ok\n!\n");
    IgnorePatternException e = assertThrows(IgnorePatternException.class, () -> IgnoreFiles.load(context, dockerfile));
    assertEquals("Dockerfile.dockerignore:2: illegal exclusion pattern: \"!\"", e.getMessage());
  }
}
