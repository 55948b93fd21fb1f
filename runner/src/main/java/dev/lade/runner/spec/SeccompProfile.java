package dev.lade.runner.spec;

import java.util.List;

/**
 * A seccomp filter, as config.json's {@code linux.seccomp}: the rules are tried in order, the first whose syscall
 * and argument conditions match decides; an unmatched syscall fails with {@code defaultErrno}.
 *
 * @param defaultErrno the errno of syscalls no rule allows ({@code EPERM} in Docker's profile)
 * @param rules the rules, for the capabilities the process has (a rule that depends on others is left out)
 */
public record SeccompProfile(int defaultErrno, List<SyscallRule> rules) {

  public SeccompProfile {
    if (defaultErrno <= 0) {
      throw new IllegalArgumentException("default errno must be positive: " + defaultErrno);
    }
    rules = List.copyOf(rules);
  }
}
