package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.GoUnicode;
/** Small tests and trims on physical lines, as BuildKit's parser applies them. */
final class Lines {
  private Lines() {}

  /** Removes every trailing {@code \r} and {@code \n}. */
  static String trimNewline(String raw) {
    int end = raw.length();
    while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r')) end--;
    return raw.substring(0, end);
  }

  /** Whether the first character after leading (Unicode) whitespace is {@code #}. */
  static boolean isComment(String raw) {
    int i = leadingSpace(raw);
    return i < raw.length() && raw.charAt(i) == '#';
  }

  /** Whether the line holds only whitespace. */
  static boolean isBlank(String raw) {
    return leadingSpace(raw) == raw.length();
  }

  /** How many leading chars are Go whitespace (all of which are single chars). */
  static int leadingSpace(String raw) {
    int i = 0;
    while (i < raw.length() && GoUnicode.isSpace(raw.charAt(i))) i++;
    return i;
  }
}
