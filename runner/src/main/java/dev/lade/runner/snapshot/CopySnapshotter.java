package dev.lade.runner.snapshot;

import dev.lade.oci.layer.LayerEntry;
import dev.lade.runner.snapshot.copy.LayerMerger;
import dev.lade.runner.snapshot.diff.ManifestDiff;
import dev.lade.runner.snapshot.diff.TreeManifest;
import dev.lade.runner.snapshot.extract.ExtractedLayers;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.snapshot.fs.Owners;
import dev.lade.runner.snapshot.fs.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Snapshots without overlayfs, for kernels or file systems that lack it: the unpacked layers are
 * copied into one directory and a {@link TreeManifest} of it is taken; the diff compares the tree
 * with the manifest and lists the changes as an overlay's upper directory would hold them.
 */
public final class CopySnapshotter implements Snapshotter {
  private final ExtractedLayers layers;
  private final ActiveSnapshots active;
  private final Owners owners;
  private final LayerMerger merger;

  /**
   * @param root the snapshot store ({@code $LADE_ROOT/snapshots}) that {@code layers} unpacks into
   */
  public CopySnapshotter(Path root, ExtractedLayers layers, Owners owners, boolean privileged) throws IOException {
    this.layers = layers;
    this.active = new ActiveSnapshots(root, Mounter.libc()); // copies are never mounted
    this.owners = owners;
    this.merger = new LayerMerger(layers.extractor().format(), privileged);
  }

  @Override
  public CopySnapshot prepare(List<SnapshotLayer> chain) throws IOException {
    List<Path> lowers = layers.ensure(chain);
    Path dir = active.create();
    try {
      Path rootfs = Files.createDirectory(dir.resolve(ActiveSnapshots.ROOTFS));
      Posix.chmod(rootfs, 0755);
      for (Path lower : lowers) merger.apply(lower, rootfs);
      return new CopySnapshot(dir.getFileName().toString(), rootfs, TreeManifest.of(rootfs, owners));
    } catch (IOException | RuntimeException e) {
      active.remove(dir.getFileName().toString());
      throw e;
    }
  }

  @Override
  public void mount(ActiveSnapshot snapshot) {
    copy(snapshot); // a copy is its own root filesystem
  }

  @Override
  public List<LayerEntry> diff(ActiveSnapshot snapshot) throws IOException {
    CopySnapshot s = copy(snapshot);
    return new ManifestDiff(s.rootfs(), s.manifest(), owners).changes();
  }

  @Override
  public void remove(ActiveSnapshot snapshot) throws IOException {
    active.remove(copy(snapshot).id());
  }

  @Override
  public void retain(ActiveSnapshot snapshot, Path owner) throws IOException {
    active.retain(copy(snapshot).id(), owner);
  }

  @Override
  public void removeRetained(String id) throws IOException {
    active.removeRetained(id);
  }

  @Override
  public List<String> cleanupStale() throws IOException {
    layers.cleanupStale();
    return active.cleanupStale();
  }

  private static CopySnapshot copy(ActiveSnapshot snapshot) {
    if (snapshot instanceof CopySnapshot s) return s;
    throw new IllegalArgumentException("snapshot " + snapshot.id() + " was not made by a CopySnapshotter");
  }
}
