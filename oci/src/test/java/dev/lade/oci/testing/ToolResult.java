package dev.lade.oci.testing;

/**
 * How an external command ended.
 *
 * @param exitCode its exit status
 * @param stdout what it wrote to standard output
 * @param stderr what it wrote to standard error
 */
public record ToolResult(int exitCode, String stdout, String stderr) {

  /** Whether the command succeeded. */
  public boolean ok() {
    return exitCode == 0;
  }

  /** A one-paragraph account for assertion messages. */
  public String describe() {
    return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
  }
}
