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

  public LaunchException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public LaunchException(String message, Throwable cause) {
    super(message, cause);
    this.exitCode = SETUP_FAILED;
  }

  /** 125, 126 or 127, as docker run exits for the same failure. */
  public int exitCode() {
    return exitCode;
  }
}
