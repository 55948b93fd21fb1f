package dev.lade.runner.spec;

import java.util.List;

/**
 * One rule of a {@link SeccompProfile}: what happens to the named syscalls when all conditions hold.
 *
 * @param names syscall names; names the architecture does not have are ignored, as libseccomp does
 * @param action what the syscall does
 * @param conditions conditions on its arguments, all of which must hold
 */
public record SyscallRule(List<String> names, SyscallAction action, List<ArgCondition> conditions) {

  public SyscallRule {
    names = List.copyOf(names);
    conditions = List.copyOf(conditions);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a syscall rule needs names");
    }
  }

  /** Allows {@code names} unconditionally. */
  public static SyscallRule allow(List<String> names) {
    return new SyscallRule(names, SyscallAction.ALLOW, List.of());
  }

  /**
   * A condition on the 64-bit argument {@code index}, as libseccomp compares it.
   *
   * @param index the argument's position, 0 to 5
   * @param op the comparison
   * @param value the value compared with (for {@link Op#MASKED_EQ}, the mask)
   * @param valueTwo for {@link Op#MASKED_EQ}, what the masked argument must equal; otherwise 0
   */
  public record ArgCondition(int index, Op op, long value, long valueTwo) {

    public ArgCondition {
      if (index < 0 || index > 5) {
        throw new IllegalArgumentException("syscall argument index out of range: " + index);
      }
    }

    /** Comparisons, named as config.json's {@code SCMP_CMP_*}. */
    public enum Op {
      EQ, NE, MASKED_EQ
    }
  }
}
