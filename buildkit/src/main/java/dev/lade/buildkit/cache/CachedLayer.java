package dev.lade.buildkit.cache;

import dev.lade.buildkit.config.ImageLayer;
import java.time.Instant;
import java.util.Objects;

/**
 * A layer a build step made, and when it first made it: a later build that finds it in the cache
 * dates its history entry by that time, as BuildKit dates a layer by its cache record's.
 *
 * @param layer the layer
 * @param created when the step first made it
 */
public record CachedLayer(ImageLayer layer, Instant created) {
  public CachedLayer {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(created, "created");
  }
}
