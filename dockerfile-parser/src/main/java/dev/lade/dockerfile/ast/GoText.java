package dev.lade.dockerfile.ast;

/**
 * The few Go string functions whose exact behaviour shows in BuildKit's messages and values:
 * {@code strconv.Quote} (used by {@code %q}) and {@code strings.TrimSpace}.
 */
final class GoText {
  private GoText() {}

  /** Go's {@code strconv.Quote}: printable characters stay raw, others are escaped Go-style. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> appendQuoted(b, cp));
    return b.append('"').toString();
  }

  private static void appendQuoted(StringBuilder b, int cp) {
    switch (cp) {
      case '"' -> b.append("\\\"");
      case '\\' -> b.append("\\\\");
      case 0x07 -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      case 0x0B -> b.append("\\v");
      default -> {
        if (cp < 0x20 || cp == 0x7F) b.append(String.format("\\x%02x", cp));
        else if (isPrint(cp)) b.appendCodePoint(cp);
        else if (cp <= 0xFFFF) b.append(String.format("\\u%04x", cp));
        else b.append(String.format("\\U%08x", cp));
      }
    }
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols, ASCII space. */
  private static boolean isPrint(int cp) {
    if (cp == ' ') return true;
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isSpace(int cp) {
    return switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
          0x3000 -> true;
      default -> cp >= 0x2000 && cp <= 0x200A;
    };
  }

  /** Go's {@code strings.TrimSpace}. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
    while (end > start && isSpace(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
    return s.substring(start, end);
  }
}
