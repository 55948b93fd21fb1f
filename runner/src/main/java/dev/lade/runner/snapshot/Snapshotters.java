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
   * An {@link OverlaySnapshotter} when the kernel has overlayfs (and, rootless, is new enough for
   * {@code userxattr} overlays with xattr whiteouts: Linux 6.7), else a {@link CopySnapshotter};
   * either way for this process's privileges, storing under {@code root} ({@code
   * $LADE_ROOT/snapshots}) and reading layers from {@code blobs}.
   */
  public static Snapshotter open(Path root, BlobStore blobs) throws IOException {
    return open(root, blobs, Mounter.libc());
  }

  /** As {@link #open(Path, BlobStore)}, with overlays mounted and unmounted by {@code mounter}. */
  public static Snapshotter open(Path root, BlobStore blobs, Mounter mounter) throws IOException {
    boolean privileged = Posix.isRoot();
    ExtractedLayers layers = new ExtractedLayers(root, blobs, LayerExtractor.forCurrentUser());
    Owners owners = Owners.forCurrentUser();
    if (overlayAvailable() && (privileged || kernelAtLeast(System.getProperty("os.version"), 6, 7))) {
      return new OverlaySnapshotter(root, layers, owners, mounter);
    }
    return new CopySnapshotter(root, layers, owners, privileged);
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
