package dev.lade.runner.spec;

/** What a seccomp rule does with a syscall. */
public sealed interface SyscallAction {

  /** The syscall runs. */
  SyscallAction ALLOW = new Allow();

  /** The syscall runs. */
  record Allow() implements SyscallAction {}

  /** The syscall fails with {@code errno} without running. */
  record Errno(int errno) implements SyscallAction {

    public Errno {
      if (errno <= 0 || errno > 4095) {
        throw new IllegalArgumentException("errno out of range: " + errno);
      }
    }
  }
}
