package dev.lade.dockerfile.ignore;

/**
 * A bad ignore file or pattern, located as {@code SOURCE:LINE: REASON} in one line.
 *
 * <p>The reasons are BuildKit's own ({@code illegal exclusion pattern: "!"}, {@code syntax error in
 * pattern}, {@code bufio.Scanner: token too long}). Line is 1-based; 0 when the pattern did not
 * come from a file.
 */
public class IgnorePatternException extends RuntimeException {
  private final String source;
  private final int line;
  private final String reason;

  public IgnorePatternException(String source, int line, String reason) {
    super(format(source, line, reason));
    this.source = source;
    this.line = line;
    this.reason = reason;
  }

  /** The ignore file's name, as given when parsing. */
  public String source() { return source; }

  /** The 1-based line of the offending pattern, or 0. */
  public int line() { return line; }

  /** What is wrong, without the location. */
  public String reason() { return reason; }

  private static String format(String source, int line, String reason) {
    return (line > 0 ? source + ":" + line : source) + ": " + reason;
  }
}
