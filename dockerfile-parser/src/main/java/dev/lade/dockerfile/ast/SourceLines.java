package dev.lade.dockerfile.ast;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The Dockerfile's physical lines, to turn "the error is about this text" into a column. */
final class SourceLines {
  private static final SourceLines NONE = new SourceLines(List.of());
  private final List<String> lines;

  private SourceLines(List<String> lines) {
    this.lines = lines;
  }

  /** Without the source text, columns are unknown (0). */
  static SourceLines none() {
    return NONE;
  }

  static SourceLines of(byte[] source) {
    String text = new String(source, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    return new SourceLines(List.of(text.split("\n", -1)));
  }

  /**
   * The 1-based column of {@code near} on {@code line}, else of the line's first non-blank
   * character; 0 when the line is unknown.
   */
  int column(int line, String near) {
    if (line < 1 || line > lines.size()) return 0;
    String text = lines.get(line - 1);
    if (near != null && !near.isEmpty()) {
      int at = text.indexOf(near);
      if (at >= 0) return at + 1;
    }
    int first = 0;
    while (first < text.length() && Character.isWhitespace(text.charAt(first))) first++;
    return first < text.length() ? first + 1 : 1;
  }
}
