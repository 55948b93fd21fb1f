package dev.lade.runner.snapshot;

import java.util.Locale;

/**
 * Which {@link Snapshotter} to use, as buildkitd's {@code --oci-worker-snapshotter} picks one:
 * {@link #AUTO} takes overlayfs where this process can use it and the copy otherwise.
 */
public enum SnapshotterKind {
  AUTO,
  /** {@link OverlaySnapshotter}; refused when the kernel lacks what it needs. */
  OVERLAY,
  /** {@link CopySnapshotter}: works on any file system, costs a copy of the layers per snapshot. */
  COPY;

  /**
   * The kind named {@code name} ({@code auto}, {@code overlay}, {@code copy}; any case).
   *
   * @throws IllegalArgumentException for another name, listing the valid ones
   */
  public static SnapshotterKind parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown snapshotter \"" + name + "\": use auto, overlay or copy", e);
    }
  }
}
