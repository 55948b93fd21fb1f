package dev.lade.dockerfile.lint;

import java.util.Optional;

/**
 * BuildKit's "did you mean" search ({@code util/suggest.Search}): the first option within an edit
 * distance of 2 that is closer than any before it. An exact match means the name was not
 * misspelt, so there is nothing to suggest.
 */
final class Suggestion {
  private static final int MAX_DISTANCE_EXCLUSIVE = 3;

  private Suggestion() {}

  static Optional<String> closest(String value, Iterable<String> options) {
    String match = null;
    int best = MAX_DISTANCE_EXCLUSIVE;
    for (String option : options) {
      if (option.equals(value)) return Optional.empty();
      int d = distance(value, option);
      if (d < best) {
        best = d;
        match = option;
      }
    }
    return Optional.ofNullable(match);
  }

  /** Levenshtein distance over code points, every edit costing 1. */
  static int distance(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[] prev = new int[y.length + 1];
    int[] cur = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) prev[j] = j;
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length];
  }
}
