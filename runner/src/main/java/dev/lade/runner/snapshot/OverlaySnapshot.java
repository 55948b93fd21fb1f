package dev.lade.runner.snapshot;

import dev.lade.runner.snapshot.fs.OverlayFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot as an overlay: the unpacked {@code lowers} (bottom first), a fresh {@code upper}
 * directory that receives every change, and overlayfs' {@code work} directory; {@code
 * overlayMount} mounts them on {@code rootfs}.
 */
public record OverlaySnapshot(
    String id, Path rootfs, List<Path> lowers, Path upper, Path work, OverlayFormat format, MountSpec overlayMount)
    implements ActiveSnapshot {
  public OverlaySnapshot {
    lowers = List.copyOf(lowers);
  }

  @Override
  public Optional<MountSpec> mount() {
    return Optional.of(overlayMount);
  }
}
