package dev.lade.runner.snapshot;

import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerWriter;
import dev.lade.oci.layer.WrittenLayer;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes writable root filesystems from image layers and turns what was written into a new layer,
 * as containerd's snapshotters do for BuildKit: {@link #prepare}, run something in {@link
 * ActiveSnapshot#rootfs()}, {@link #commit} (or {@link #diff}), {@link #remove}.
 */
public interface Snapshotter {
  /**
   * A fresh writable snapshot over {@code chain} (bottom layer first; empty for {@code scratch}),
   * unpacking layers not unpacked before. Nothing is mounted yet: see {@link #mount} and {@link
   * ActiveSnapshot#mount()}.
   */
  ActiveSnapshot prepare(List<SnapshotLayer> chain) throws IOException;

  /**
   * Mounts the snapshot on its {@link ActiveSnapshot#rootfs()} in this process's mount namespace
   * (for an overlay this needs root); nothing to do for a copy.
   */
  void mount(ActiveSnapshot snapshot) throws IOException;

  /**
   * What changed in the snapshot since it was prepared, as layer entries in layer order whose
   * file contents are read from the snapshot when written (so write them before {@link #remove}).
   */
  List<LayerEntry> diff(ActiveSnapshot snapshot) throws IOException;

  /** Writes the {@link #diff} as a layer blob to {@code out}. */
  default WrittenLayer commit(ActiveSnapshot snapshot, LayerWriter writer, OutputStream out) throws IOException {
    return writer.write(diff(snapshot), out);
  }

  /**
   * Keeps what the snapshot changed as the unpacked form of {@code chain}'s top layer (the chain
   * the snapshot was prepared over, plus the layer its {@link #diff} was written as), so that a
   * snapshot over that layer needs no unpacking. Afterwards the snapshot may only be {@link
   * #remove}d.
   *
   * @return whether the changes were kept (a snapshotter whose snapshots hold no separate changes
   *     keeps nothing)
   */
  default boolean keep(ActiveSnapshot snapshot, List<SnapshotLayer> chain) throws IOException {
    return false;
  }

  /** Unmounts the snapshot if this process mounted it and deletes it. */
  void remove(ActiveSnapshot snapshot) throws IOException;

  /**
   * Keeps {@code snapshot} (and its mount) after this process ends, for as long as {@code owner} exists or until
   * {@link #removeRetained}: a detached container's root filesystem.
   */
  void retain(ActiveSnapshot snapshot, Path owner) throws IOException;

  /** Unmounts and deletes the {@link #retain retained} snapshot {@code id}, from any process. */
  void removeRetained(String id) throws IOException;

  /**
   * Unmounts and deletes the snapshots and unfinished extractions of processes that died (a
   * {@code kill -9} of lade), found by their free locks. Live snapshots of running processes are
   * left alone.
   *
   * @return the ids of the snapshots removed
   */
  List<String> cleanupStale() throws IOException;
}
