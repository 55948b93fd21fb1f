package dev.lade.dockerfile.scope;

import java.util.List;
import java.util.Optional;

/**
 * Looks up the environment a base image brings (its config's {@code Env}), which a stage's
 * variables start from. A builder answers from the pulled image; a static check may not know.
 */
@FunctionalInterface
public interface BaseImageConfig {
  /**
   * The {@code Env} entries ({@code KEY=VALUE}) of {@code image} for {@code platform}, or empty
   * when not known. Not asked for {@code scratch} or for earlier stages.
   */
  Optional<List<String>> env(String image, Platform platform);

  /** Knows no image: stages on images start with only the default {@code PATH}. */
  static BaseImageConfig unknown() {
    return (image, platform) -> Optional.empty();
  }
}
