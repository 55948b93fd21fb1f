package dev.lade.runner.seccomp;

import dev.lade.runner.seccomp.BpfProgram.Instruction;
import java.util.List;

/** Runs a seccomp program on a syscall as the kernel would, for the instructions the compiler emits. */
final class BpfInterpreter {

  private BpfInterpreter() {}

  /** The filter's verdict for syscall {@code nr} with {@code args} on architecture {@code arch}. */
  static int run(BpfProgram program, int arch, int nr, long... args) {
    int[] data = new int[16]; // struct seccomp_data as 32-bit words: nr, arch, ip (2), args (2 each, low first)
    data[0] = nr;
    data[1] = arch;
    for (int i = 0; i < args.length; i++) {
      data[4 + 2 * i] = (int) args[i];
      data[5 + 2 * i] = (int) (args[i] >>> 32);
    }
    List<Instruction> code = program.instructions();
    int accumulator = 0;
    for (int pc = 0; ; pc++) {
      Instruction at = code.get(pc);
      switch (at.code()) {
        case 0x20 -> accumulator = data[at.k() / 4];
        case 0x54 -> accumulator &= at.k();
        case 0x06 -> {
          return at.k();
        }
        case 0x15 -> pc += accumulator == at.k() ? at.jt() : at.jf();
        case 0x25 -> pc += Integer.compareUnsigned(accumulator, at.k()) > 0 ? at.jt() : at.jf();
        case 0x35 -> pc += Integer.compareUnsigned(accumulator, at.k()) >= 0 ? at.jt() : at.jf();
        default -> throw new IllegalStateException("unexpected BPF code " + at.code());
      }
    }
  }
}
