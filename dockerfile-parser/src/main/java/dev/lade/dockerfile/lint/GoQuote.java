package dev.lade.dockerfile.lint;

/**
 * Go's {@code %q} for the strings BuildKit puts in check messages: double quotes, with {@code "}
 * and {@code \} escaped and control characters written as Go escapes. Printable Unicode is kept.
 */
final class GoQuote {
  private GoQuote() {}

  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case 7 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 11 -> sb.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", c));
          else if (Character.isISOControl(c) || !Character.isDefined(c)) sb.append(String.format("\\u%04x", c));
          else sb.appendCodePoint(c);
        }
      }
    });
    return sb.append('"').toString();
  }
}
