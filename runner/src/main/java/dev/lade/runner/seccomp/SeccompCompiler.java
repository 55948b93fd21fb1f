package dev.lade.runner.seccomp;

import dev.lade.runner.spec.SeccompProfile;
import dev.lade.runner.spec.SyscallAction;
import dev.lade.runner.spec.SyscallRule;
import dev.lade.runner.spec.SyscallRule.ArgCondition;
import java.util.OptionalInt;

/**
 * Compiles a {@link SeccompProfile} into classic BPF for {@code seccomp(SECCOMP_SET_MODE_FILTER)}.
 *
 * <p>The program checks the architecture (another ABI, such as 32-bit x86 on x86_64, kills the process: its numbers
 * differ), refuses x32 syscalls, answers syscalls newer than the table with ENOSYS so that libc falls back to older
 * ones (as runc does), then tries the rules in order and ends with the default errno. Each syscall test is followed
 * by its own return, so no jump is longer than a rule's conditions.
 */
public final class SeccompCompiler {

  /** Where the kernel's struct seccomp_data keeps the syscall number, the architecture and the arguments. */
  private static final int NR_OFFSET = 0;
  private static final int ARCH_OFFSET = 4;
  private static final int ARGS_OFFSET = 16;
  /** Syscalls of the x32 ABI carry this bit in their number. */
  private static final int X32_SYSCALL_BIT = 0x40000000;
  private static final int ENOSYS = 38;

  private SeccompCompiler() {}

  /** The filter for {@code profile} on the architecture of {@code table}. */
  public static BpfProgram compile(SeccompProfile profile, SyscallTable table) {
    BpfProgram.Builder program = new BpfProgram.Builder();
    program.load(ARCH_OFFSET).jumpIfEqual(table.auditArch(), 1, 0).ret(BpfProgram.RET_KILL_PROCESS);
    program.load(NR_OFFSET);
    program.jumpIfGreaterOrEqual(X32_SYSCALL_BIT, 0, 1).ret(errno(profile.defaultErrno()));
    program.jumpIfGreater(table.highest(), 0, 1).ret(errno(ENOSYS));
    for (SyscallRule rule : profile.rules()) {
      for (String name : rule.names()) {
        OptionalInt number = table.number(name);
        if (number.isPresent()) {
          rule(program, number.getAsInt(), rule);
        }
      }
    }
    program.ret(errno(profile.defaultErrno()));
    return program.build();
  }

  /** If nr matches and every condition holds: the action; else on to the next rule with nr reloaded. */
  private static void rule(BpfProgram.Builder program, int number, SyscallRule rule) {
    if (rule.conditions().isEmpty()) {
      program.jumpIfEqual(number, 0, 1).ret(action(rule.action()));
      return;
    }
    BpfProgram.Builder block = new BpfProgram.Builder();
    for (ArgCondition condition : rule.conditions()) {
      condition(block, condition);
    }
    block.ret(action(rule.action()));
    // Conditions jump to the reload on mismatch: block.size() instructions ahead of where they stand.
    program.jumpIfEqual(number, 0, block.size() + 1);
    program.append(block.resolveFailuresTo(block.size()));
    program.load(NR_OFFSET);
  }

  /** libseccomp's 64-bit comparisons, as two 32-bit ones (high word first); a mismatch is a failure jump. */
  private static void condition(BpfProgram.Builder block, ArgCondition condition) {
    int low = ARGS_OFFSET + 8 * condition.index();
    int high = low + 4;
    long value = condition.value();
    switch (condition.op()) {
      case EQ -> {
        block.load(high).failUnlessEqual((int) (value >>> 32));
        block.load(low).failUnlessEqual((int) value);
      }
      case NE -> {
        // Matches when either word differs: a differing high word skips the low word's test.
        block.load(high).jumpIfEqual((int) (value >>> 32), 0, 2);
        block.load(low).failIfEqual((int) value);
      }
      case MASKED_EQ -> {
        long expected = condition.valueTwo();
        block.load(high).and((int) (value >>> 32)).failUnlessEqual((int) (expected >>> 32));
        block.load(low).and((int) value).failUnlessEqual((int) expected);
      }
    }
  }

  private static int action(SyscallAction action) {
    return switch (action) {
      case SyscallAction.Allow allow -> BpfProgram.RET_ALLOW;
      case SyscallAction.Errno e -> errno(e.errno());
    };
  }

  private static int errno(int errno) {
    return BpfProgram.RET_ERRNO | (errno & BpfProgram.RET_DATA);
  }
}
