package dev.lade.dockerfile.text;

/**
 * Go's {@code strconv.Quote}, which BuildKit's parser dump (and {@code %q}) uses.
 *
 * <p>Printable characters are copied raw, including non-ASCII ones; {@code "} and {@code \} are
 * backslashed; BEL, BS, FF, LF, CR, TAB and VT use their letter escapes; other control bytes and
 * DEL are {@code \xNN}; other non-printable characters {@code \}{@code uNNNN} or
 * {@code \}{@code UNNNNNNNN}. A byte that was not valid UTF-8 (see {@link RawText}) is
 * {@code \xNN}.
 *
 * <p>"Printable" is Go's {@code unicode.IsPrint}: categories L, M, N, P, S and the ASCII space. The
 * categories come from the running JDK's Unicode tables (Unicode 15.1 in JDK 21, 16.0 in JDK 25)
 * while Go 1.21 to 1.25 use Unicode 15.0, so characters assigned after 15.0 print raw here and
 * escaped in Go. A lone surrogate that is not an escaped byte (Go strings cannot hold one) prints
 * as {@code \}{@code uNNNN}.
 */
public final class GoQuote {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  /** {@code s} as a Go double-quoted string literal. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    sb.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (RawText.isEscapedByte(cp)) {
        appendHex(sb.append("\\x"), RawText.escapedByte(cp), 2);
      } else {
        appendEscaped(sb, cp);
      }
    }
    return sb.append('"').toString();
  }

  /** Go's {@code strconv.IsPrint}. */
  public static boolean isPrint(int cp) {
    if (cp == ' ') return true;
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER,
          Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  private static void appendEscaped(StringBuilder sb, int cp) {
    if (cp > ' ' && cp < 0x7F && cp != '"' && cp != '\\') {
      sb.append((char) cp);
      return;
    }
    if (cp == '"' || cp == '\\') {
      sb.append('\\').append((char) cp);
      return;
    }
    if (isPrint(cp)) {
      sb.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case 0x07 -> sb.append("\\a");
      case '\b' -> sb.append("\\b");
      case '\f' -> sb.append("\\f");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      case 0x0B -> sb.append("\\v");
      default -> {
        if (cp < ' ' || cp == 0x7F) appendHex(sb.append("\\x"), cp, 2);
        else if (cp < 0x10000) appendHex(sb.append("\\u"), cp, 4);
        else appendHex(sb.append("\\U"), cp, 8);
      }
    }
  }

  private static void appendHex(StringBuilder sb, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) sb.append(HEX[(value >> shift) & 0xF]);
  }
}
