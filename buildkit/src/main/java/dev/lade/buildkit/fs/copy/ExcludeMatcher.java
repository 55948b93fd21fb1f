package dev.lade.buildkit.fs.copy;

import dev.lade.dockerfile.ignore.IgnorePattern;
import dev.lade.dockerfile.ignore.IgnorePatterns;
import dev.lade.dockerfile.ignore.MatchResult;
import java.util.List;

/**
 * {@code --exclude} patterns, applied as fsutil's copier applies them: to each path relative to
 * the source being copied; a matching directory is still entered when a {@code !} pattern could
 * re-include something inside it.
 */
final class ExcludeMatcher {
  private final IgnorePatterns patterns;

  ExcludeMatcher(List<String> patterns) {
    this.patterns = IgnorePatterns.of(patterns, "--exclude");
  }

  boolean isEmpty() {
    return patterns.patterns().isEmpty();
  }

  boolean excludes(String relativePath, boolean directory) {
    if (isEmpty() || relativePath.isEmpty()) return false;
    if (!patterns.match(relativePath, MatchResult.NONE).excluded()) return false;
    if (directory && patterns.hasExclusions()) {
      String dirSlash = relativePath + "/";
      for (IgnorePattern p : patterns.patterns()) {
        if (p.exclusion() && (p.pattern() + "/").startsWith(dirSlash)) return false;
      }
    }
    return true;
  }
}
