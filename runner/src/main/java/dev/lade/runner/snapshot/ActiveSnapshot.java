package dev.lade.runner.snapshot;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A writable root filesystem prepared over a chain of layers, alive until {@link
 * Snapshotter#remove(ActiveSnapshot)} (or, after a crash, {@link Snapshotter#cleanupStale()}).
 */
public sealed interface ActiveSnapshot permits OverlaySnapshot, CopySnapshot {
  /** A unique name, also the snapshot's directory under the store's {@code active/}. */
  String id();

  /** Where the root filesystem is seen: a mount point for an overlay, a plain directory for a copy. */
  Path rootfs();

  /**
   * The mount that makes {@link #rootfs()} show the snapshot, for a launcher to perform in its own
   * mount namespace; empty when {@link #rootfs()} already is the root filesystem.
   */
  Optional<MountSpec> mount();
}
