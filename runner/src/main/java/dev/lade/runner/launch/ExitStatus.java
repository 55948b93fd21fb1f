package dev.lade.runner.launch;

/**
 * How a container's process ended.
 *
 * @param code its exit code, or 128 + N when signal N killed it
 * @param oomKilled whether the kernel's OOM killer ended it (its code is then 137)
 */
public record ExitStatus(int code, boolean oomKilled) {

  /** Whether the process exited with 0. */
  public boolean success() {
    return code == 0;
  }
}
