package dev.lade.runner.launch;

/**
 * A container could not be started; {@link #exitCode} is docker run's code for the reason.
 */
public final class LaunchException extends Exception {

  /** lade (or the runtime) could not set the container up. */
  public static final int SETUP_FAILED = 125;
  /** The command exists but cannot be executed. */
  public static final int NOT_EXECUTABLE = 126;
  /** The command was not found. */
  public static final int NOT_FOUND = 127;

  private final int exitCode;
  private final String detail;

  public LaunchException(int exitCode, String message) {
    this(exitCode, message, null);
  }

  /** With {@code detail}: what else the runtime said (its log), for {@code --debug}. */
  public LaunchException(int exitCode, String message, String detail) {
    super(message);
    this.exitCode = exitCode;
    this.detail = detail;
  }

  public LaunchException(String message, Throwable cause) {
    super(message, cause);
    this.exitCode = SETUP_FAILED;
    this.detail = null;
  }

  /** What else the runtime said about the failure (its whole log), or empty. */
  public java.util.Optional<String> detail() {
    return java.util.Optional.ofNullable(detail);
  }

  /** 125, 126 or 127, as docker run exits for the same failure. */
  public int exitCode() {
    return exitCode;
  }
}
