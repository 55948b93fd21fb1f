package dev.lade.dockerfile.parser;

/**
 * A malformed Dockerfile: says where ({@code FILE:LINE:COL}) and what is wrong, in one line.
 *
 * <p>Line and column are 1-based; 0 means unknown. The source name is attached by whoever knows
 * it (usually the caller that read the file) with {@link #withSource}.
 */
public class DockerfileParseException extends RuntimeException {
  private final String source;
  private final int line;
  private final int column;
  private final String reason;

  public DockerfileParseException(String reason, int line, int column) {
    this(null, reason, line, column, null);
  }

  public DockerfileParseException(String source, String reason, int line, int column, Throwable cause) {
    super(format(source, reason, line, column), cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** The same error, located in the named file. */
  public DockerfileParseException withSource(String newSource) {
    DockerfileParseException e = new DockerfileParseException(newSource, reason, line, column, getCause());
    e.setStackTrace(getStackTrace());
    return e;
  }

  public String source() { return source; }
  public int line() { return line; }
  public int column() { return column; }
  /** What is wrong, without the location. */
  public String reason() { return reason; }

  private static String format(String source, String reason, int line, int column) {
    StringBuilder sb = new StringBuilder();
    sb.append(source == null ? "Dockerfile" : source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) sb.append(':').append(column);
    }
    return sb.append(": ").append(reason).toString();
  }
}
