package dev.lade.buildkit.cache;

import dev.lade.buildkit.config.ImageLayer;
import java.io.IOException;
import java.util.Optional;

/** Layers made by earlier build steps, by the step's {@link CacheKey}. */
public interface BuildCache {

  /** The layer the step with {@code key} made, if it is cached and its blob still present. */
  Optional<ImageLayer> get(CacheKey key) throws IOException;

  /** Remembers that the step with {@code key} made {@code layer}. */
  void put(CacheKey key, ImageLayer layer) throws IOException;

  /** A cache that remembers nothing. */
  static BuildCache none() {
    return new BuildCache() {
      @Override
      public Optional<ImageLayer> get(CacheKey key) {
        return Optional.empty();
      }

      @Override
      public void put(CacheKey key, ImageLayer layer) {}
    };
  }
}
