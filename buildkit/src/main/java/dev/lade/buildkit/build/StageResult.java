package dev.lade.buildkit.build;

import dev.lade.buildkit.cache.CacheKey;
import dev.lade.buildkit.config.StageImage;
import dev.lade.dockerfile.scope.StageState;

/**
 * A built stage.
 *
 * @param image its image: config, history, layers
 * @param variables its variables at the end, which a stage built on it starts from
 * @param filesystem the cache key of its root filesystem
 */
record StageResult(StageImage image, StageState variables, CacheKey filesystem) {}
