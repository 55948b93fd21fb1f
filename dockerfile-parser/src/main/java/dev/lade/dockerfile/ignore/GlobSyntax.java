package dev.lade.dockerfile.ignore;

/**
 * The syntax check that Go's {@code filepath.Match} performs: patternmatcher rejects a pattern
 * when {@code filepath.Match(pattern, ".")} reports {@code ErrBadPattern}.
 *
 * <p>The pattern is cut into chunks at each {@code *} outside a character class; each chunk must
 * have well-formed classes ({@code [^a-z]}, no empty class, no range without an upper end) and no
 * trailing backslash. Matching itself is not done here.
 */
final class GlobSyntax {
  private GlobSyntax() {}

  static boolean isValid(String pattern) {
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      while (i < n && pattern.charAt(i) == '*') i++;
      int end = chunkEnd(pattern, i);
      if (!isValidChunk(pattern, i, end)) return false;
      i = end;
    }
    return true;
  }

  /** {@code scanChunk}: the chunk ends at the first {@code *} outside brackets. */
  private static int chunkEnd(String p, int from) {
    boolean inRange = false;
    int i = from;
    for (; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\') {
        if (i + 1 < p.length()) i++;
      } else if (c == '[') {
        inRange = true;
      } else if (c == ']') {
        inRange = false;
      } else if (c == '*' && !inRange) {
        break;
      }
    }
    return i;
  }

  /** {@code matchChunk} against nothing: only its error checks. */
  private static boolean isValidChunk(String p, int i, int end) {
    while (i < end) {
      char c = p.charAt(i);
      if (c == '[') {
        i = classEnd(p, i + 1, end);
        if (i < 0) return false;
      } else if (c == '\\') {
        if (i + 1 >= end) return false;
        i += 1 + Character.charCount(p.codePointAt(i + 1));
      } else {
        i += Character.charCount(p.codePointAt(i));
      }
    }
    return true;
  }

  /** Index after the class that starts at {@code i} (just past {@code [}), or -1 if malformed. */
  private static int classEnd(String p, int i, int end) {
    if (i < end && p.charAt(i) == '^') i++;
    int ranges = 0;
    while (true) {
      if (i < end && p.charAt(i) == ']' && ranges > 0) return i + 1;
      i = classChar(p, i, end);
      if (i < 0) return -1;
      if (p.charAt(i) == '-') {
        i = classChar(p, i + 1, end);
        if (i < 0) return -1;
      }
      ranges++;
    }
  }

  /** {@code getEsc}: one possibly escaped class character; -1 if malformed or nothing follows it. */
  private static int classChar(String p, int i, int end) {
    if (i >= end || p.charAt(i) == '-' || p.charAt(i) == ']') return -1;
    if (p.charAt(i) == '\\') {
      i++;
      if (i >= end) return -1;
    }
    i += Character.charCount(p.codePointAt(i));
    return i >= end ? -1 : i;
  }
}
