package dev.lade.dockerfile.parser;

/**
 * Joins continued lines into one logical line, as BuildKit does.
 *
 * <p>A line continues when it ends in the escape character E preceded by a character other than
 * E, or is E alone, either followed only by spaces or tabs. E and what follows it are removed.
 * Continuation lines keep their indentation; comment lines inside a continuation are skipped,
 * blank ones too (with a warning). End of input ends the line.
 */
final class ContinuationJoiner {
  private final LineReader lines;
  private final char escape;

  ContinuationJoiner(LineReader lines, char escape) {
    this.lines = lines;
    this.escape = escape;
  }

  /**
   * Joins {@code first} (newline, leading whitespace and comment already removed) with the lines
   * that continue it.
   *
   * @return the logical line, or null when {@code first} is empty and does not continue
   */
  LogicalLine join(String first) {
    Trimmed head = trimContinuation(first, escape);
    if (!head.continues() && head.text().isEmpty()) return null;
    StringBuilder text = new StringBuilder(head.text());
    boolean continues = head.continues();
    boolean emptyContinuation = false;
    while (continues) {
      String raw = lines.next();
      if (raw == null) break;
      if (Lines.isComment(raw)) continue;
      String line = Lines.trimNewline(raw);
      if (Lines.isBlank(line)) {
        emptyContinuation = true;
        continue;
      }
      Trimmed next = trimContinuation(line, escape);
      text.append(next.text());
      continues = next.continues();
    }
    return new LogicalLine(text.toString(), lines.lineNumber(), emptyContinuation);
  }

  /** A line with its continuation character removed, and whether it had one. */
  record Trimmed(String text, boolean continues) {}

  /**
   * BuildKit's {@code ([^E])E[ \t]*$|^E[ \t]*$} test and removal. A line ending in {@code EE} does
   * not continue: there is no way to write an escaped E followed by a continuation.
   */
  static Trimmed trimContinuation(String line, char escape) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) end--;
    if (end == 0 || line.charAt(end - 1) != escape) return new Trimmed(line, false);
    if (end == 1) return new Trimmed("", true);
    if (line.charAt(end - 2) == escape) return new Trimmed(line, false);
    return new Trimmed(line.substring(0, end - 1), true);
  }
}
