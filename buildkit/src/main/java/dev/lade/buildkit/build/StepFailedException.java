package dev.lade.buildkit.build;

/**
 * A build step that failed (as opposed to a malformed Dockerfile): says where, in one line, {@code
 * Dockerfile:LINE: reason}.
 */
public class StepFailedException extends RuntimeException {
  private final String source;
  private final int line;
  private final String reason;

  public StepFailedException(String source, int line, String reason, Throwable cause) {
    super(source + ":" + line + ": " + reason, cause);
    this.source = source;
    this.line = line;
    this.reason = reason;
  }

  /** The Dockerfile's name. */
  public String source() { return source; }

  /** The instruction's first line, 1-based. */
  public int line() { return line; }

  /** What failed, without the location. */
  public String reason() { return reason; }
}
