package dev.lade.dockerfile.shell;

import java.util.ArrayList;
import java.util.List;

/** The pattern forms of substitution: {@code # ## % %%} (trim) and {@code / //} (replace), as BuildKit does them. */
final class PatternOps {
  private PatternOps() {}

  /** Removes the shortest (or longest) prefix of {@code value} that matches {@code pattern}. */
  static String trimPrefix(String pattern, String value, boolean longest) {
    GlobPattern glob = GlobPattern.compile(pattern, longest);
    int[] text = value.codePoints().toArray();
    int end = glob.matchPrefix(text);
    return end < 0 ? value : new String(text, end, text.length - end);
  }

  /**
   * Removes the shortest (or longest) matching suffix. Like BuildKit, this reverses pattern and value and trims a
   * prefix, so an invalid pattern is reported in its reversed form.
   */
  static String trimSuffix(String pattern, String value, boolean longest) {
    return reverse(trimPrefix(reversePattern(pattern), reverse(value), longest));
  }

  /**
   * Replaces the first (leftmost, longest) match, or every match. Only replace-all goes through Go's
   * {@code Regexp.ReplaceAllString}, so only there does {@code $0} mean the matched text and {@code $$} a dollar.
   */
  static String replace(String pattern, String value, String replacement, boolean all) {
    int[] text = value.codePoints().toArray();
    StringBuilder out = new StringBuilder();
    int lastEnd = 0;
    for (int[] match : replacedMatches(GlobPattern.compile(pattern, true), text, all)) {
      out.append(slice(text, lastEnd, match[0]));
      out.append(all ? ReplacementTemplate.expand(replacement, slice(text, match[0], match[1])) : replacement);
      lastEnd = match[1];
    }
    return out.append(slice(text, lastEnd, text.length)).toString();
  }

  /**
   * The {@code [start, end)} spans (in code points) that {@link #replace} replaces, in order: the text between them
   * stays as it is.
   */
  static List<int[]> replacedMatches(GlobPattern glob, int[] text, boolean all) {
    if (!all) {
      int[] match = glob.find(text, 0);
      return match == null ? List.of() : List.of(match);
    }
    List<int[]> replaced = new ArrayList<>();
    int lastEnd = 0;
    int searchFrom = 0;
    while (searchFrom <= text.length) {
      int[] match = glob.find(text, searchFrom);
      if (match == null) {
        break;
      }
      // No empty match right after another match (Go's rule, so "x*"-like patterns do not replace twice).
      if (match[1] > lastEnd || match[0] == 0) {
        replaced.add(match);
      }
      lastEnd = match[1];
      searchFrom = match[1] > searchFrom ? match[1] : searchFrom + 1;
    }
    return replaced;
  }

  /** Reverses a pattern, keeping each backslash in front of the character it escapes ({@code a\*c} → {@code c\*a}). */
  static String reversePattern(String pattern) {
    int[] in = pattern.codePoints().toArray();
    int[] out = new int[in.length];
    int last = in.length - 1;
    for (int i = 0; i <= last; ) {
      int outIndex = last - i;
      if (in[i] == '\\' && i != last) {
        out[outIndex - 1] = in[i];
        out[outIndex] = in[i + 1];
        i += 2;
      } else {
        out[outIndex] = in[i];
        i++;
      }
    }
    return new String(out, 0, out.length);
  }

  private static String reverse(String s) {
    int[] cps = s.codePoints().toArray();
    for (int i = 0, j = cps.length - 1; i < j; i++, j--) {
      int t = cps[i];
      cps[i] = cps[j];
      cps[j] = t;
    }
    return new String(cps, 0, cps.length);
  }

  static String slice(int[] text, int from, int to) {
    return new String(text, from, to - from);
  }
}
