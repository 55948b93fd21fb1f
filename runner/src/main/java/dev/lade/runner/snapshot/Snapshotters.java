package dev.lade.runner.snapshot;

import dev.lade.oci.store.BlobStore;
import dev.lade.runner.snapshot.extract.ExtractedLayers;
import dev.lade.runner.snapshot.extract.LayerExtractor;
import dev.lade.runner.snapshot.fs.Owners;
import dev.lade.runner.snapshot.fs.Posix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Picks the snapshotter this machine supports. */
public final class Snapshotters {
  private Snapshotters() {}

  /**
   * For root, an {@link OverlaySnapshotter} when the kernel has overlayfs, else a {@link
   * CopySnapshotter}; rootless, a {@link CopySnapshotter}: a rootless overlay can only be mounted
   * in the container's user namespace, and lade reads the root filesystem (users, the working
   * directory, mount targets) before the container starts. Either way for this process's
   * privileges, storing under {@code root} ({@code $LADE_ROOT/snapshots}) and reading layers from
   * {@code blobs}.
   */
  public static Snapshotter open(Path root, BlobStore blobs) throws IOException {
    return open(root, blobs, SnapshotterKind.AUTO, Mounter.libc());
  }

  /**
   * The snapshotter {@code kind} names ({@link SnapshotterKind#AUTO}: as {@link #open(Path, BlobStore)}),
   * with overlays mounted and unmounted by {@code mounter}. Both kinds share the unpacked layers under
   * {@code root}, so a store may switch between them. {@link SnapshotterKind#OVERLAY} rootless (Linux 6.7+:
   * {@code userxattr} overlays with xattr whiteouts) makes snapshots a launcher must mount in its user
   * namespace ({@link ActiveSnapshot#mount()}).
   *
   * @throws IOException when {@code kind} is {@link SnapshotterKind#OVERLAY} and this machine cannot
   *     make overlay snapshots for this process
   */
  public static Snapshotter open(Path root, BlobStore blobs, SnapshotterKind kind, Mounter mounter)
      throws IOException {
    return open(root, blobs, kind, mounter, false);
  }

  /**
   * As {@link #open(Path, BlobStore, SnapshotterKind, Mounter)} mounting through libc, for a user that mounts rootless overlays in
   * its launcher (RUN steps: {@code dev.lade.runner.build.StepRunner}): {@link SnapshotterKind#AUTO}
   * then takes overlayfs rootless too where the kernel allows it.
   */
  public static Snapshotter openForLauncherMounts(Path root, BlobStore blobs, SnapshotterKind kind)
      throws IOException {
    return openForLauncherMounts(root, blobs, kind, Mounter.libc());
  }

  /**
   * As {@link #openForLauncherMounts(Path, BlobStore, SnapshotterKind)}, root's overlays mounted by {@code mounter}:
   * for containers ({@code lade run}), whose launcher mounts a rootless overlay in the container's namespaces.
   */
  public static Snapshotter openForLauncherMounts(Path root, BlobStore blobs, SnapshotterKind kind, Mounter mounter)
      throws IOException {
    return open(root, blobs, kind, mounter, true);
  }

  private static Snapshotter open(Path root, BlobStore blobs, SnapshotterKind kind, Mounter mounter,
      boolean launcherMounts)
      throws IOException {
    boolean privileged = Posix.isRoot();
    if (kind == SnapshotterKind.OVERLAY && !overlayUsable(privileged)) {
      throw new IOException("the overlay snapshotter needs overlayfs (and, rootless, Linux 6.7 or later); "
          + "use --snapshotter copy");
    }
    ExtractedLayers layers = new ExtractedLayers(root, blobs, LayerExtractor.forCurrentUser());
    Owners owners = Owners.forCurrentUser();
    return switch (kind) {
      case AUTO -> (privileged || launcherMounts) && overlayUsable(privileged)
          ? new OverlaySnapshotter(root, layers, owners, mounter) : new CopySnapshotter(root, layers, owners, privileged);
      case OVERLAY -> new OverlaySnapshotter(root, layers, owners, mounter);
      case COPY -> new CopySnapshotter(root, layers, owners, privileged);
    };
  }

  /** Whether this process can make overlay snapshots: overlayfs, and rootless, Linux 6.7 or later. */
  private static boolean overlayUsable(boolean privileged) {
    return overlayAvailable() && (privileged || kernelAtLeast(System.getProperty("os.version"), 6, 7));
  }

  /** Whether the running kernel lists overlayfs in {@code /proc/filesystems}. */
  public static boolean overlayAvailable() {
    try {
      return Files.readAllLines(Path.of("/proc/filesystems")).stream().anyMatch(l -> l.endsWith("\toverlay"));
    } catch (IOException e) {
      return false;
    }
  }

  static boolean kernelAtLeast(String release, int major, int minor) {
    String[] parts = release.split("[.-]");
    try {
      int ma = Integer.parseInt(parts[0]);
      int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return ma > major || (ma == major && mi >= minor);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
