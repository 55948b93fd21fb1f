package dev.lade.dockerfile.ignore;

import java.util.Arrays;

/**
 * The outcome of matching one path, to pass on when matching the paths inside it (patternmatcher's
 * {@code MatchInfo}): whether the path is excluded, and which patterns matched it.
 */
public final class MatchResult {
  /** No knowledge about a parent: the path's parent directories are matched from scratch. */
  public static final MatchResult NONE = new MatchResult(false, new boolean[0]);

  private final boolean excluded;
  private final boolean[] matchedPatterns;

  MatchResult(boolean excluded, boolean[] matchedPatterns) {
    this.excluded = excluded;
    this.matchedPatterns = matchedPatterns;
  }

  /** Whether the path is left out of the context. */
  public boolean excluded() { return excluded; }

  boolean hasParentInfo() { return matchedPatterns.length > 0; }

  int size() { return matchedPatterns.length; }

  boolean matched(int pattern) { return matchedPatterns[pattern]; }

  @Override public String toString() {
    return (excluded ? "excluded" : "included") + Arrays.toString(matchedPatterns);
  }
}
