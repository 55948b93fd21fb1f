package dev.lade.buildkit.fs.copy;

/**
 * Go's {@code path/filepath.Match} on Unix, which COPY's wildcards use: {@code *} matches any run
 * of non-separator characters, {@code ?} one non-separator character, {@code [...]} a class
 * ({@code ^} or {@code !} negates, ranges {@code a-z}), {@code \} escapes. A malformed pattern
 * matches nothing, as fsutil ignores Match's error.
 */
final class GoMatch {
  private GoMatch() {}

  /** Whether {@code name} matches {@code pattern} as a whole. */
  static boolean matches(String pattern, String name) {
    try {
      return match(pattern, 0, name, 0);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  /** Whether {@code name} contains {@code *}, {@code ?} or {@code [} that is not escaped. */
  static boolean hasWildcards(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\') i++;
      else if (c == '*' || c == '?' || c == '[') return true;
    }
    return false;
  }

  private static boolean match(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '*') {
        while (pi < p.length() && p.charAt(pi) == '*') pi++;
        if (pi == p.length()) return s.indexOf('/', si) < 0;
        for (int i = si; i <= s.length(); i++) {
          if (match(p, pi, s, i)) return true;
          if (i < s.length() && s.charAt(i) == '/') break;
        }
        checkRest(p, pi);
        return false;
      }
      if (si >= s.length()) {
        checkRest(p, pi);
        return false;
      }
      char ch = s.charAt(si);
      if (c == '?') {
        if (ch == '/') return false;
        pi++;
      } else if (c == '[') {
        int end = classEnd(p, pi);
        if (ch == '/' || !inClass(p, pi + 1, end, ch)) return false;
        pi = end + 1;
      } else {
        if (c == '\\') {
          pi++;
          if (pi >= p.length()) throw new IllegalArgumentException("bad pattern");
          c = p.charAt(pi);
        }
        if (c != ch) return false;
        pi++;
      }
      si++;
    }
    return si == s.length();
  }

  /** Go reports ErrBadPattern for a malformed remainder even after a mismatch. */
  private static void checkRest(String p, int pi) {
    for (int i = pi; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        if (++i >= p.length()) throw new IllegalArgumentException("bad pattern");
      } else if (c == '[') {
        i = classEnd(p, i);
      }
    }
  }

  /** Index of the {@code ]} closing the class opened at {@code open}. */
  private static int classEnd(String p, int open) {
    int i = open + 1;
    if (i < p.length() && (p.charAt(i) == '^' || p.charAt(i) == '!')) i++;
    boolean first = true;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == ']') {
        if (first) throw new IllegalArgumentException("bad pattern");
        return i;
      }
      if (c == '-') throw new IllegalArgumentException("bad pattern");
      if (c == '\\') i++;
      i++;
      if (i < p.length() && p.charAt(i) == '-' && i + 1 < p.length() && p.charAt(i + 1) != ']') {
        i++;
        if (p.charAt(i) == '\\') i++;
        i++;
      } else if (i < p.length() && p.charAt(i) == '-') {
        throw new IllegalArgumentException("bad pattern");
      }
      first = false;
    }
    throw new IllegalArgumentException("bad pattern");
  }

  private static boolean inClass(String p, int from, int end, char ch) {
    int i = from;
    boolean negated = p.charAt(i) == '^' || p.charAt(i) == '!';
    if (negated) i++;
    boolean matched = false;
    while (i < end) {
      char lo = p.charAt(i);
      if (lo == '\\') lo = p.charAt(++i);
      i++;
      char hi = lo;
      if (i < end && p.charAt(i) == '-') {
        hi = p.charAt(++i);
        if (hi == '\\') hi = p.charAt(++i);
        i++;
      }
      if (lo <= ch && ch <= hi) matched = true;
    }
    return matched != negated;
  }
}
