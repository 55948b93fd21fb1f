package dev.lade.buildkit.fs.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.buildkit.fs.CopyException;
import dev.lade.buildkit.fs.CopyRequest;
import dev.lade.buildkit.fs.CopySources;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.context.ContextTree;
import dev.lade.buildkit.fs.testing.Instructions;
import dev.lade.buildkit.fs.testing.MemoryTree;
import dev.lade.dockerfile.ignore.IgnorePatterns;
import dev.lade.oci.digest.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksum a COPY or ADD is keyed by before it is planned: it changes with everything that
 * lands in the layer (contents, names, modes, owners, link targets, options) and with nothing else
 * (modification times, files the step does not copy), and it never needs the destination.
 */
class SourceChecksumTest {
  @TempDir Path dir;
  @TempDir Path scratch;
  private final DockerCopier copier = new DockerCopier(Path.of("/nonexistent-scratch"));

  @BeforeEach
  void context() throws IOException {
    Files.createDirectories(dir.resolve("src/lib"));
    Files.writeString(dir.resolve("src/hello.sh"), "echo hello");
    Files.writeString(dir.resolve("src/lib/a.txt"), "lib");
    Files.writeString(dir.resolve("f1.txt"), "file 1");
    Files.writeString(dir.resolve("unrelated"), "u");
  }

  private Optional<Digest> checksum(String instruction, FileTree tree, boolean fromContext) throws IOException {
    return copier.sourceChecksum(new CopySources(Instructions.parse(instruction), tree, fromContext));
  }

  private Digest checksum(String instruction) throws IOException {
    return checksum(instruction, ContextTree.open(dir, IgnorePatterns.of(List.of("src/ignored*"), ".dockerignore")), true)
        .orElseThrow();
  }

  @Test
  void modificationTimesAndFilesNotCopiedLeaveItAlone() throws IOException {
    Digest first = checksum("COPY src/ ./src/");
    Files.setLastModifiedTime(dir.resolve("src/lib/a.txt"), FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
    Files.setLastModifiedTime(dir.resolve("src/lib"), FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
    Files.writeString(dir.resolve("unrelated"), "changed");
    Files.writeString(dir.resolve("src/ignored.txt"), "left out by .dockerignore");
    assertEquals(first, checksum("COPY src/ ./src/"));
    Files.writeString(dir.resolve("src/lib/excluded.md"), "left out by --exclude");
    assertEquals(checksum("COPY --exclude=lib/*.md src/ ./src/"), checksum("COPY --exclude=lib/*.md src/ ./src/"));
    Digest excluding = checksum("COPY --exclude=lib/*.md src/ ./src/");
    Files.writeString(dir.resolve("src/lib/excluded.md"), "changed, still left out");
    assertEquals(excluding, checksum("COPY --exclude=lib/*.md src/ ./src/"));
  }

  @Test
  void contentsNamesAndModesChangeIt() throws IOException {
    Digest first = checksum("COPY src/ ./src/");
    Files.writeString(dir.resolve("src/lib/a.txt"), "lib2");
    Digest content = checksum("COPY src/ ./src/");
    assertNotEquals(first, content);
    Files.setPosixFilePermissions(dir.resolve("src/lib/a.txt"), PosixFilePermissions.fromString("rwx------"));
    Digest mode = checksum("COPY src/ ./src/");
    assertNotEquals(content, mode);
    Files.move(dir.resolve("src/lib/a.txt"), dir.resolve("src/lib/b.txt"));
    Digest renamed = checksum("COPY src/ ./src/");
    assertNotEquals(mode, renamed);
    Files.writeString(dir.resolve("src/new.txt"), "new");
    assertNotEquals(renamed, checksum("COPY src/ ./src/"));
  }

  @Test
  void aNewWildcardMatchAndASymlinkTargetChangeIt() throws IOException {
    Digest first = checksum("COPY *.txt /d/");
    Files.writeString(dir.resolve("f2.txt"), "file 2");
    assertNotEquals(first, checksum("COPY *.txt /d/"));
    Files.createSymbolicLink(dir.resolve("src/link"), Path.of("hello.sh"));
    Digest linked = checksum("COPY src/ ./src/");
    Files.delete(dir.resolve("src/link"));
    Files.createSymbolicLink(dir.resolve("src/link"), Path.of("lib/a.txt"));
    assertNotEquals(linked, checksum("COPY src/ ./src/"));
  }

  @Test
  void everyOptionChangesIt() throws IOException {
    List<String> steps = List.of("COPY f1.txt /app/", "COPY f1.txt /other/", "COPY --chown=1000:1000 f1.txt /app/",
        "COPY --chown=1000 f1.txt /app/", "COPY --chmod=600 f1.txt /app/", "COPY --link f1.txt /app/",
        "COPY --parents f1.txt /app/", "COPY --exclude=*.md f1.txt /app/", "ADD f1.txt /app/",
        "ADD --unpack=false f1.txt /app/", "COPY f1.txt src /app/", "COPY <<x /app/\nhello\nx",
        "COPY <<x /app/\nhello, world\nx", "COPY <<y /app/\nhello\ny");
    List<Digest> sums = new java.util.ArrayList<>();
    for (String step : steps) sums.add(checksum(step));
    assertEquals(steps.size(), sums.stream().distinct().count(), sums.toString());
  }

  @Test
  void anotherTreesOwnersCountAndItsTimesDoNot() throws IOException {
    MemoryTree stage = new MemoryTree().dir("app").file("app/bin", "x", 0755, 0, 0);
    Digest first = checksum("COPY --from=build /app /app", stage, false).orElseThrow();
    assertEquals(first, checksum("COPY --from=other /app /app", new MemoryTree().dir("app", 0700, 5, 5)
        .file("app/bin", "x", 0755, 0, 0), false).orElseThrow(), "the top directory's own metadata is not copied");
    assertNotEquals(first, checksum("COPY --from=build /app /app",
        new MemoryTree().dir("app").file("app/bin", "x", 0755, 1000, 0), false).orElseThrow());
    assertNotEquals(first, checksum("COPY /app /app", stage, true).orElseThrow(), "the context is another source");
  }

  @Test
  void urlsHaveNone() throws IOException {
    FileTree context = ContextTree.open(dir, IgnorePatterns.empty());
    assertTrue(checksum("ADD https://example.com/a.tar.gz /a/", context, true).isEmpty());
  }

  @Test
  void badSourcesFailAsCarryingTheStepOutDoes() throws IOException {
    FileTree context = ContextTree.open(dir, IgnorePatterns.empty());
    Files.createSymbolicLink(dir.resolve("dangling"), Path.of("nowhere"));
    Files.createSymbolicLink(dir.resolve("up"), Path.of("../outside"));
    for (String instruction : List.of("COPY missing /a/", "COPY dangling /a/", "COPY ../f1.txt /a/", "COPY up /a/",
        "COPY nodir/*.txt /a/", "COPY --chmod=u+q f1.txt /a/", "COPY --parents src/./none /a/")) {
      CopyException keyed = assertThrows(CopyException.class, () -> checksum(instruction, context, true), instruction);
      CopyException carriedOut = assertThrows(CopyException.class, () -> copier.copy(
          new CopyRequest(Instructions.parse(instruction), context, new MemoryTree(), "/", true)), instruction);
      assertEquals(carriedOut.kind(), keyed.kind(), instruction);
      assertEquals(carriedOut.getMessage(), keyed.getMessage(), instruction);
    }
  }
}
