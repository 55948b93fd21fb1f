package dev.lade.dockerfile.ignore;

import dev.lade.dockerfile.text.GoUnicode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * patternmatcher's {@code ignorefile.ReadAll}: the pattern lines of an ignore file.
 *
 * <p>Lines end at {@code \n} (a {@code \r} before it is dropped); a leading byte-order mark is
 * removed; lines starting with {@code #} are comments (only in the very first column); the rest is
 * trimmed, blank lines dropped, and each pattern cleaned like a path with a leading {@code /}
 * removed, keeping a leading {@code !}.
 */
final class IgnoreFileReader {
  /** Go's {@code bufio.Scanner} refuses lines that do not fit its 64 KiB buffer with the newline. */
  static final int MAX_LINE_BYTES = 64 * 1024 - 1;
  static final String LINE_TOO_LONG = "bufio.Scanner: token too long";

  private IgnoreFileReader() {}

  /** A pattern line with its 1-based line number. */
  record Line(String text, int number) {}

  static List<Line> readAll(Reader in, String source) throws IOException {
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
    List<Line> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int bytes = 0;
    int number = 1;
    int c;
    while ((c = reader.read()) != -1) {
      if (c == '\n') {
        add(out, line, number++);
        line.setLength(0);
        bytes = 0;
        continue;
      }
      bytes += utf8Length((char) c, line);
      if (bytes > MAX_LINE_BYTES) throw new IgnorePatternException(source, number, LINE_TOO_LONG);
      line.append((char) c);
    }
    if (line.length() > 0) add(out, line, number);
    return out;
  }

  private static void add(List<Line> out, StringBuilder raw, int number) {
    if (raw.length() > 0 && raw.charAt(raw.length() - 1) == '\r') raw.setLength(raw.length() - 1);
    String text = raw.toString();
    if (number == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
    pattern(text).ifPresent(p -> out.add(new Line(p, number)));
  }

  /** One line's pattern, as {@code ReadAll} normalizes it; empty for comments and blank lines. */
  static Optional<String> pattern(String line) {
    if (line.startsWith("#")) return Optional.empty();
    String p = GoUnicode.trimSpace(line);
    if (p.isEmpty()) return Optional.empty();
    boolean invert = p.charAt(0) == '!';
    if (invert) p = GoUnicode.trimSpace(p.substring(1));
    if (!p.isEmpty()) {
      p = GoPath.clean(p);
      if (p.length() > 1 && p.charAt(0) == '/') p = p.substring(1);
    }
    return Optional.of(invert ? "!" + p : p);
  }

  /** UTF-8 bytes that {@code ch} adds after {@code before}; a surrogate pair counts 4 in all. */
  private static int utf8Length(char ch, CharSequence before) {
    if (ch < 0x80) return 1;
    if (ch < 0x800) return 2;
    boolean pairEnd = Character.isLowSurrogate(ch) && before.length() > 0
        && Character.isHighSurrogate(before.charAt(before.length() - 1));
    return pairEnd ? 1 : 3;
  }
}
