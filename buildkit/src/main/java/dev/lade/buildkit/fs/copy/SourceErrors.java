package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.CopyException;

/**
 * The failures a COPY or ADD's sources alone decide, worded alike whether they are found while
 * the step's checksum is computed ({@link SourceChecksum}) or while it is carried out ({@link
 * LocalSources}): BuildKit reports them while computing the step's cache key.
 */
final class SourceErrors {
  private SourceErrors() {}

  /** Nothing at {@code resolved}: BuildKit names the path it looked for, a dangling link's target. */
  static CopyException notFound(int line, String resolved) {
    return new CopyException(CopyException.Kind.SOURCE_NOT_FOUND, line,
        "failed to compute cache key: \"/" + resolved + "\" not found: not found");
  }

  /** {@code source} climbs out of the context with {@code ..}. */
  static CopyException outsideContext(int line, String source) {
    return new CopyException(CopyException.Kind.OUTSIDE_CONTEXT, line,
        "forbidden path outside the build context: " + source);
  }

  /** {@code source} leads out of the context through a symlink. */
  static CopyException outsideContext(int line, String source, SymlinkResolver.EscapeException e) {
    return new CopyException(CopyException.Kind.OUTSIDE_CONTEXT, line,
        "forbidden path outside the build context: " + source + " (" + e.getMessage() + ")");
  }

  /** The directory before {@code source}'s first wildcard is not there. */
  static CopyException missingDirectory(int line, SourceMatcher.MissingDirectory e) {
    return new CopyException(CopyException.Kind.SOURCE_NOT_FOUND, line, e.getMessage());
  }
}
