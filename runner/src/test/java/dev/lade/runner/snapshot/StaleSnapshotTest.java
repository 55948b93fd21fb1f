package dev.lade.runner.snapshot;

import static dev.lade.runner.snapshot.TestLayers.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.store.OciLayoutStore;
import dev.lade.runner.snapshot.extract.ExtractedLayers;
import dev.lade.runner.snapshot.extract.LayerExtractor;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.snapshot.fs.IdMapping;
import dev.lade.runner.snapshot.fs.OverlayFormat;
import dev.lade.runner.snapshot.fs.Owners;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a kill -9 of the process that owned a mounted snapshot, the next start cleans it up. */
class StaleSnapshotTest {
  @TempDir Path tmp;

  @Test
  void mountsAndDirectoriesOfAKilledProcessAreCleanedUpAndLiveOnesKept() throws Exception {
    TestLayers.assumeRoot();
    assumeTrue(Snapshotters.overlayAvailable(), "the kernel has no overlayfs");
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    SnapshotLayer layer = TestLayers.store(store.blobs(), List.of(file("hello", "world")));
    Path root = tmp.resolve("snapshots");
    Snapshotter snapshotter = snapshotter(root, store);
    ActiveSnapshot live = snapshotter.prepare(List.of(layer));
    try {
      snapshotter.mount(live);
      killedOwnerIsCleanedUp(root, store, layer, live);
    } finally {
      snapshotter.remove(live);
      snapshotter.cleanupStale();
    }
    assertFalse(Files.exists(live.rootfs()));
  }

  private void killedOwnerIsCleanedUp(Path root, OciLayoutStore store, SnapshotLayer layer, ActiveSnapshot live)
      throws Exception {

    Path rootfs;
    Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CrashingSnapshotOwner.class.getName(),
        root.toString(), tmp.resolve("store").toString(), layer.diffId().toString(), layer.blob().toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      String line = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertTrue(line != null && line.startsWith("ready "), "the owner process said: " + line);
      rootfs = Path.of(line.split(" ")[2]);
      assertEquals("world", Files.readString(rootfs.resolve("hello")), "the killed process's overlay is mounted");
    } finally {
      owner.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
      owner.waitFor(10, TimeUnit.SECONDS);
    }

    List<String> removed = snapshotter(root, store).cleanupStale();

    assertEquals(List.of(rootfs.getParent().getFileName().toString()), removed);
    assertFalse(Files.exists(rootfs.getParent()), "the stale snapshot is unmounted and deleted");
    assertEquals("world", Files.readString(live.rootfs().resolve("hello")), "a live snapshot is left alone");
  }

  private static Snapshotter snapshotter(Path root, OciLayoutStore store) throws Exception {
    Owners owners = new Owners(IdMapping.identity(), true);
    return new OverlaySnapshotter(root,
        new ExtractedLayers(root, store.blobs(), new LayerExtractor(OverlayFormat.PRIVILEGED, owners, true)), owners);
  }
}
