package dev.lade.dockerfile.text;

/**
 * The few Go {@code unicode}/{@code strings} functions BuildKit's parser relies on, with Go's
 * exact character sets (Java's {@code isWhitespace} and {@code isSpaceChar} differ from Go's).
 */
public final class GoUnicode {
  private GoUnicode() {}

  /** Go's {@code unicode.IsSpace}. */
  public static boolean isSpace(int c) {
    if (c <= 0xFF) {
      return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
    }
    return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
        || c == 0x202F || c == 0x205F || c == 0x3000;
  }

  /**
   * Go's {@code unicode.IsSpace} limited to Latin-1: the set BuildKit's byte-wise scanners (flags,
   * HEALTHCHECK type) see. Applied to code points instead of bytes, as the parser's flag extractor does.
   */
  public static boolean isLatin1Space(int c) {
    return c <= 0xFF && isSpace(c);
  }

  /** BuildKit's {@code [\t\v\f\r ]}: splits an instruction from its arguments and plain lists. */
  public static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** {@code strings.TrimLeftFunc(s, unicode.IsSpace)}; every Go space is a single UTF-16 char. */
  public static String trimLeftSpace(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) i++;
    return s.substring(i);
  }

  /** {@code strings.TrimSpace}. */
  public static String trimSpace(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) end--;
    int start = 0;
    while (start < end && isSpace(s.charAt(start))) start++;
    return s.substring(start, end);
  }

  /** Index of the first {@link #isBlank} char at or after {@code from}, or -1. */
  public static int indexOfBlank(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (isBlank(s.charAt(i))) return i;
    }
    return -1;
  }

  /** Index of the first non-{@link #isBlank} char at or after {@code from}, or the length. */
  public static int skipBlanks(String s, int from) {
    int i = from;
    while (i < s.length() && isBlank(s.charAt(i))) i++;
    return i;
  }

  /**
   * Go's {@code strings.ToLower}: simple one-to-one case mapping per code point; a byte that is not
   * valid UTF-8 becomes U+FFFD, as Go's {@code strings.Map} does.
   */
  public static String toLower(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int lower = isLoneSurrogate(cp) ? 0xFFFD : Character.toLowerCase(cp);
      if (lower != cp && sb == null) sb = new StringBuilder(s.length()).append(s, 0, i);
      if (sb != null) sb.appendCodePoint(lower);
      i += Character.charCount(cp);
    }
    return sb == null ? s : sb.toString();
  }

  /** Replaces each invalid byte (a lone surrogate, see {@link RawText}) with U+FFFD, as Go's decoders do. */
  public static String replaceInvalid(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean invalid = isLoneSurrogate(cp);
      if (invalid && sb == null) sb = new StringBuilder(s.length()).append(s, 0, i);
      if (sb != null) sb.appendCodePoint(invalid ? 0xFFFD : cp);
      i += Character.charCount(cp);
    }
    return sb == null ? s : sb.toString();
  }

  /** A code point from {@link String#codePoints} that is an unpaired surrogate. */
  public static boolean isLoneSurrogate(int cp) {
    return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
  }

  /** Go's {@code string(rune)}: an invalid rune such as EOF becomes U+FFFD. */
  public static String runeString(int cp) {
    return Character.isValidCodePoint(cp) ? Character.toString(cp) : Character.toString(0xFFFD);
  }
}
