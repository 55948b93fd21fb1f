package dev.lade.buildkit.fs;

import java.io.IOException;
import java.util.Objects;

/**
 * A COPY or ADD that cannot be carried out because of its input: a missing source, a path leaving
 * the build context, an unknown {@code --chown} name, a bad {@code --chmod}. Carries the
 * instruction's first line so the caller can show one located line, {@code Dockerfile:LINE:
 * REASON} (see {@link #located(String)}).
 */
public final class CopyException extends IOException {
  /** What went wrong, for callers that react differently (exit codes, tests). */
  public enum Kind {
    SOURCE_NOT_FOUND,
    OUTSIDE_CONTEXT,
    UNKNOWN_USER,
    UNKNOWN_GROUP,
    INVALID_OPTION,
    INVALID_DESTINATION,
    FETCH_FAILED,
    CHECKSUM_MISMATCH,
    NOT_SUPPORTED
  }

  private final Kind kind;
  private final int line;
  private final String reason;

  /**
   * @param line the instruction's first line in the Dockerfile, 1-based (0 when unknown)
   * @param reason what is wrong, one line, without the location
   */
  public CopyException(Kind kind, int line, String reason) {
    this(kind, line, reason, null);
  }

  public CopyException(Kind kind, int line, String reason, Throwable cause) {
    super(reason, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.line = line;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Kind kind() {
    return kind;
  }

  /** The instruction's first line, 1-based; 0 when unknown. */
  public int line() {
    return line;
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }

  /** The error as one located line, e.g. {@code Dockerfile:3: "/missing.txt": not found}. */
  public String located(String dockerfileName) {
    return line > 0 ? dockerfileName + ":" + line + ": " + reason : dockerfileName + ": " + reason;
  }
}
