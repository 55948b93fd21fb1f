package dev.lade.buildkit.graph;

import dev.lade.dockerfile.scope.Platform;
import java.util.Optional;

/** What a stage's FROM starts it from. */
public sealed interface StageBase {

  /** {@code FROM scratch}: an empty filesystem. */
  record Scratch() implements StageBase {}

  /**
   * {@code FROM image}: an image from the store or a registry.
   *
   * @param reference the expanded reference as written, e.g. {@code busybox:1.36}
   * @param platform the FROM's {@code --platform}, if given
   */
  record Image(String reference, Optional<Platform> platform) implements StageBase {}

  /** {@code FROM name}: the result of an earlier stage. */
  record Stage(int index) implements StageBase {}
}
