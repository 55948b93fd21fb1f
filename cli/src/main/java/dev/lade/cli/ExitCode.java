package dev.lade.cli;

/** lade's process exit codes. */
public final class ExitCode {
  /** The job succeeded. */
  public static final int OK = 0;
  /** The job failed (a build step, a registry, the machine). */
  public static final int FAILED = 1;
  /** Bad usage or bad input: flags, references, Dockerfiles, files the user gave. */
  public static final int BAD_INPUT = 2;

  private ExitCode() {}
}
