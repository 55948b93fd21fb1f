package dev.lade.dockerfile.ast;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * BuildKit's {@code suggest} package: the "did you mean" hint for a near miss, used by error
 * messages here and by the build checks.
 */
public final class Suggest {
  private Suggest() {}

  /**
   * The message, followed by the closest option within edit distance 2 of {@code value}, if any.
   * An exact match means the error is not about the value, so nothing is suggested.
   */
  static String withSuggestion(String message, String value, List<String> options, boolean caseSensitive) {
    return closest(value, options, caseSensitive).map(m -> message + " (did you mean " + m + "?)").orElse(message);
  }

  /**
   * BuildKit's {@code suggest.Search}: the first option within edit distance 2 of {@code value}
   * that is closer than the ones before it; nothing when an option equals {@code value} (the
   * value is not misspelt) or none is close.
   */
  public static Optional<String> closest(String value, Iterable<String> options, boolean caseSensitive) {
    String val = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
    int[] x = val.codePoints().toArray();
    String match = null;
    int minDistance = 3;
    for (String option : options) {
      String opt = caseSensitive ? option : option.toLowerCase(Locale.ROOT);
      if (val.equals(opt)) return Optional.empty();
      int d = distanceBelow(x, opt, minDistance);
      if (d < minDistance) {
        match = caseSensitive ? opt : matchCase(opt, value);
        minDistance = d;
      }
    }
    return Optional.ofNullable(match);
  }

  private static String matchCase(String option, String original) {
    if (original.equals(original.toLowerCase(Locale.ROOT))) return option.toLowerCase(Locale.ROOT);
    if (original.equals(original.toUpperCase(Locale.ROOT))) return option.toUpperCase(Locale.ROOT);
    return option;
  }

  /** Levenshtein distance over code points, each edit costing 1. */
  static int distance(String a, String b) {
    return distanceBelow(a.codePoints().toArray(), b, Integer.MAX_VALUE);
  }

  /**
   * The distance from {@code x} to {@code b} when it is below {@code limit}, else {@code limit}:
   * a name far off in length, or a row of the table already at the limit, stops early, so looking
   * through many names stays cheap.
   */
  private static int distanceBelow(int[] x, String b, int limit) {
    if (Math.abs(b.codePointCount(0, b.length()) - x.length) >= limit) return limit;
    int[] y = b.codePoints().toArray();
    int[] prev = new int[y.length + 1];
    int[] cur = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) prev[j] = j;
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      int rowMin = i;
      for (int j = 1; j <= y.length; j++) {
        int substitute = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin >= limit) return limit; // no later row gets below its minimum
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[y.length], limit);
  }
}
