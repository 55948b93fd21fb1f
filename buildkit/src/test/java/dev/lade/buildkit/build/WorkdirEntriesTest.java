package dev.lade.buildkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.buildkit.fs.testing.MemoryTree;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WORKDIR's layer: what mkdir -p changes, and the parents containerd's differ lists with it. */
class WorkdirEntriesTest {
  private static final Instant NOW = Instant.parse("2025-06-07T08:09:10Z");

  private static List<String> mkdirs(MemoryTree rootfs, String workdir) throws IOException {
    return WorkdirEntries.mkdirs(rootfs, workdir, new UserIds(1000, 1000), NOW).stream()
        .map(e -> (LayerEntry.Directory) e)
        .map(d -> d.path() + " " + d.metadata().uid() + " " + (d.metadata().modTime().equals(NOW) ? "now" : "kept"))
        .toList();
  }

  @Test
  void theDeepestExistingDirectoryIsRestampedAndThoseAboveItListedAsTheyAre() throws IOException {
    MemoryTree rootfs = new MemoryTree().dir("double").dir("double/x");
    assertEquals(List.of("double 0 kept", "double/x 0 now", "double/x/y 1000 now"), mkdirs(rootfs, "/double/x/y"));
    assertEquals(List.of("a 1000 now", "a/b 1000 now"), mkdirs(rootfs, "/a/b"));
    assertEquals(List.of("double 0 now", "double/z 1000 now"), mkdirs(rootfs, "/double/z"));
  }

  @Test
  void anExistingPathMakesNothingAndAFileInTheWayFails() throws IOException {
    MemoryTree rootfs = new MemoryTree().dir("double").dir("double/x").file("f", "x");
    assertEquals(List.of(), mkdirs(rootfs, "/double/x"));
    assertEquals(List.of(), mkdirs(rootfs, "/"));
    assertThrows(IllegalArgumentException.class, () -> mkdirs(rootfs, "/f/sub"));
  }
}
