package dev.lade.dockerfile.ignore;

/** Go's {@code strings.TrimSpace}, whose idea of white space differs from Java's. */
final class GoText {
  private GoText() {}

  /** Removes leading and trailing white space as Go's {@code unicode.IsSpace} defines it. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
    while (end > start && isSpace(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
    return s.substring(start, end);
  }

  /** Go's {@code unicode.IsSpace}: Latin-1 space characters, then the Unicode White_Space property. */
  static boolean isSpace(int c) {
    if (c <= 0xFF) {
      return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
    }
    return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
        || c == 0x202F || c == 0x205F || c == 0x3000;
  }
}
