package dev.lade.buildkit.fs.copy;

import static dev.lade.buildkit.fs.copy.CopyHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lade.buildkit.fs.context.ContextTree;
import dev.lade.buildkit.fs.testing.MemoryTree;
import dev.lade.dockerfile.ignore.IgnorePatterns;
import dev.lade.oci.digest.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputChecksumTest {
  @TempDir Path dir;
  @TempDir Path scratch;

  private Digest checksum(String instruction) throws IOException {
    return InputChecksum.of(run(instruction, ContextTree.open(dir, IgnorePatterns.empty()), new MemoryTree(), scratch).entries());
  }

  @Test
  void equalInputsGiveEqualChecksumsWhateverTheMtimes() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/a"), "a");
    Files.writeString(dir.resolve("unrelated"), "u");
    Digest first = checksum("COPY src /app/");
    Files.setLastModifiedTime(dir.resolve("src/a"), FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
    Files.writeString(dir.resolve("unrelated"), "changed");
    assertEquals(first, checksum("COPY src /app/"));
  }

  @Test
  void contentsNamesModesOwnersAndDestinationsCount() throws IOException {
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/a"), "a");
    Digest base = checksum("COPY src /app/");
    assertNotEquals(base, checksum("COPY src /other/"));
    assertNotEquals(base, checksum("COPY --chown=1:1 src /app/"));
    assertNotEquals(base, checksum("COPY --chmod=600 src /app/"));
    Files.writeString(dir.resolve("src/a"), "b");
    Digest changed = checksum("COPY src /app/");
    assertNotEquals(base, changed);
    Files.move(dir.resolve("src/a"), dir.resolve("src/b"));
    assertNotEquals(changed, checksum("COPY src /app/"));
  }
}
