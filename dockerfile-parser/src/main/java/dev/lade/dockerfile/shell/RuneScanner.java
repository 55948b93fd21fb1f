package dev.lade.dockerfile.shell;

/**
 * A cursor over the code points of a string with the peek/next contract of Go's {@code text/scanner}, which BuildKit
 * reads words with: {@link #EOF} at the end, and a byte order mark at the very start is skipped.
 */
final class RuneScanner {
  static final int EOF = -1;
  private static final int BOM = 0xFEFF;

  private final int[] runes;
  private int pos;

  RuneScanner(String text) {
    this.runes = text.codePoints().toArray();
    this.pos = runes.length > 0 && runes[0] == BOM ? 1 : 0;
  }

  /** The next code point without consuming it, or {@link #EOF}. */
  int peek() {
    return pos < runes.length ? runes[pos] : EOF;
  }

  /** Consumes and returns the next code point, or returns {@link #EOF}. */
  int next() {
    return pos < runes.length ? runes[pos++] : EOF;
  }

  boolean atEnd() {
    return pos >= runes.length;
  }
}
