package dev.lade.dockerfile.parser;

/**
 * Go's white space, for code outside the parser that must trim exactly as BuildKit does (Java's
 * {@code strip} and {@code isWhitespace} use a different set).
 */
public final class GoStrings {
  private GoStrings() {}

  /** Go's {@code unicode.IsSpace}. */
  public static boolean isSpace(int c) {
    return GoUnicode.isSpace(c);
  }

  /** Go's {@code strings.TrimSpace}. */
  public static String trimSpace(String s) {
    return GoUnicode.trimSpace(s);
  }
}
