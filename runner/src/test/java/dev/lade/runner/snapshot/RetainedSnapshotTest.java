package dev.lade.runner.snapshot;

import static dev.lade.runner.snapshot.TestLayers.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.store.OciLayoutStore;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A detached container's snapshot outlives the lade that made it, while its owner exists, mount and all. */
class RetainedSnapshotTest {
  @TempDir Path tmp;

  @Test
  void retainedSnapshotSurvivesCleanupWhileItsOwnerExists() throws Exception {
    TestLayers.assumeRoot();
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    SnapshotLayer layer = TestLayers.store(store.blobs(), List.of(file("hello", "world")));
    Path root = tmp.resolve("snapshots");
    Snapshotter maker = Snapshotters.open(root, store.blobs());
    ActiveSnapshot snapshot = maker.prepare(List.of(layer));
    Path owner = Files.createDirectory(tmp.resolve("container"));
    try {
      maker.mount(snapshot);
      maker.retain(snapshot, owner);

      // Another lade's cleanup: this snapshot's lock is free, yet its owner exists.
      Snapshotter other = Snapshotters.open(root, store.blobs());
      assertEquals(List.of(), other.cleanupStale());
      assertEquals("world", Files.readString(snapshot.rootfs().resolve("hello")));

      Files.delete(owner);
      assertEquals(List.of(snapshot.id()), other.cleanupStale(), "an owner gone leaves a stale snapshot");
      assertFalse(Files.exists(snapshot.rootfs()));
    } finally {
      maker.removeRetained(snapshot.id());
    }
  }

  @Test
  void removeRetainedUnmountsAndDeletesFromAnyProcess() throws Exception {
    TestLayers.assumeRoot();
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    SnapshotLayer layer = TestLayers.store(store.blobs(), List.of(file("hello", "world")));
    Path root = tmp.resolve("snapshots");
    Snapshotter maker = Snapshotters.open(root, store.blobs());
    ActiveSnapshot snapshot = maker.prepare(List.of(layer));
    maker.mount(snapshot);
    maker.retain(snapshot, Files.createDirectory(tmp.resolve("container")));
    Snapshotters.open(root, store.blobs()).removeRetained(snapshot.id());
    assertFalse(Files.exists(snapshot.rootfs().getParent()));
    try (var left = Files.list(root.resolve("active"))) {
      assertTrue(left.findAny().isEmpty());
    }
  }
}
