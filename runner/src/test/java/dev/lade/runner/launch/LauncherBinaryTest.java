package dev.lade.runner.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's extraction into a cache keyed by its SHA-256, which the build records next to it. */
class LauncherBinaryTest {
  @TempDir Path cache;

  @Test
  void extractedUnderItsHashOnce() throws Exception {
    Path launcher = LauncherBinary.extract(cache);
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(launcher)));
    assertEquals(cache.resolve(hash).resolve("lade-launch"), launcher);
    assertTrue(Files.isExecutable(launcher));
    assertEquals(launcher, LauncherBinary.extract(cache));
    try (var entries = Files.list(cache)) {
      assertEquals(1, entries.count(), "one copy");
    }
  }

  @Test
  void theBuildRecordsTheHash() throws Exception {
    String recorded;
    try (InputStream in = LauncherBinary.class.getResourceAsStream("lade-launch.sha256")) {
      assertNotNull(in, "the build writes lade-launch.sha256 next to the launcher");
      recorded = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
    }
    assertEquals(LauncherBinary.extract(cache).getParent().getFileName().toString(), recorded);
  }

  @Test
  void aDamagedCopyIsNotUsed() throws IOException {
    Path launcher = LauncherBinary.extract(cache);
    Files.delete(launcher);
    Files.writeString(launcher, "not executable");
    assertEquals(launcher, LauncherBinary.extract(cache), "extracted again over a file that is not executable");
    assertTrue(Files.isExecutable(launcher));
    assertTrue(Files.size(launcher) > 1000);
  }
}
