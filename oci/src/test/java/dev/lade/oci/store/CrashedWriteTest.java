package dev.lade.oci.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed mid-blob leaves nothing visible, and its temp file goes at the next open. */
class CrashedWriteTest {
  @TempDir Path root;

  @Test
  void aKilledWriterLeavesNoPartialBlob() throws Exception {
    OciLayoutStore store = OciLayoutStore.open(root);
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            StoreHammer.class.getName(), root.toString(), "--endless")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (tempBytes(store) < 1_000_000 && System.nanoTime() < deadline) Thread.sleep(20);
      assertTrue(tempBytes(store) >= 1_000_000, "the child is writing");
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }

    assertEquals(List.of(), store.blobs().list(), "no partial blob is visible");
    OciLayoutStore.open(root);
    assertEquals(0, tempBytes(store), "the next open removed the temp file");
    assertTrue(Fsck.check(store).ok());
  }

  private static long tempBytes(OciLayoutStore store) throws IOException {
    try (Stream<Path> files = Files.list(store.tempDirectory())) {
      long total = 0;
      for (Path f : files.toList()) {
        try {
          total += Files.size(f);
        } catch (java.nio.file.NoSuchFileException e) {
          // renamed or removed meanwhile
        }
      }
      return total;
    }
  }
}
