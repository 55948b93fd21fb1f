package dev.lade.runner.snapshot;

import dev.lade.runner.snapshot.diff.TreeManifest;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A snapshot as a plain copy of its layers in {@code rootfs}, with the {@code manifest} taken
 * right after copying, which its diff compares against.
 */
public record CopySnapshot(String id, Path rootfs, TreeManifest manifest) implements ActiveSnapshot {
  @Override
  public Optional<MountSpec> mount() {
    return Optional.empty();
  }
}
