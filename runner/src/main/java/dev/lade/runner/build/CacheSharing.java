package dev.lade.runner.build;

/** How concurrent steps share a cache mount ({@code sharing=} of {@code RUN --mount=type=cache}). */
public enum CacheSharing {
  /** Every step uses the same directory at the same time. */
  SHARED,
  /** A step finding the directory in use gets another one of its own. */
  PRIVATE,
  /** A step finding the directory in use waits until it is released. */
  LOCKED
}
