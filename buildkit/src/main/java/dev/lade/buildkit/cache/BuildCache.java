package dev.lade.buildkit.cache;

import java.io.IOException;
import java.util.Optional;

/** Layers made by earlier build steps, by the step's {@link CacheKey}. */
public interface BuildCache {

  /** The layer the step with {@code key} made, if it is cached and its blob still present. */
  Optional<CachedLayer> get(CacheKey key) throws IOException;

  /** Remembers that the step with {@code key} made {@code layer}. */
  void put(CacheKey key, CachedLayer layer) throws IOException;

  /** A cache that remembers nothing. */
  static BuildCache none() {
    return new BuildCache() {
      @Override
      public Optional<CachedLayer> get(CacheKey key) {
        return Optional.empty();
      }

      @Override
      public void put(CacheKey key, CachedLayer layer) {}
    };
  }
}
