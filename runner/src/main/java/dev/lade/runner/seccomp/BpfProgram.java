package dev.lade.runner.seccomp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A classic BPF program as the kernel's {@code struct sock_filter} array.
 *
 * @param instructions the program, at most {@link #MAX_INSTRUCTIONS}
 */
public record BpfProgram(List<Instruction> instructions) {

  /** The kernel's BPF_MAXINSNS. */
  public static final int MAX_INSTRUCTIONS = 4096;
  static final int RET_KILL_PROCESS = 0x80000000;
  static final int RET_ERRNO = 0x00050000;
  static final int RET_ALLOW = 0x7fff0000;
  static final int RET_DATA = 0x0000ffff;

  private static final short LD_W_ABS = 0x20;
  private static final short JEQ_K = 0x15;
  private static final short JGT_K = 0x25;
  private static final short JGE_K = 0x35;
  private static final short AND_K = 0x54;
  private static final short RET_K = 0x06;

  public BpfProgram {
    instructions = List.copyOf(instructions);
    if (instructions.size() > MAX_INSTRUCTIONS) {
      throw new IllegalArgumentException("BPF program too long: " + instructions.size() + " instructions");
    }
  }

  /**
   * One instruction: {@code struct sock_filter}.
   *
   * @param code operation
   * @param jt jump offset when true
   * @param jf jump offset when false
   * @param k the constant operand
   */
  public record Instruction(short code, int jt, int jf, int k) {

    public Instruction {
      if (jt < 0 || jt > 255 || jf < 0 || jf > 255) {
        throw new IllegalArgumentException("BPF jump out of range: " + jt + "/" + jf);
      }
    }
  }

  /** The program as the kernel reads it: 8 bytes per instruction in the machine's byte order. */
  public byte[] bytes() {
    ByteBuffer buffer = ByteBuffer.allocate(8 * instructions.size()).order(ByteOrder.nativeOrder());
    for (Instruction instruction : instructions) {
      buffer.putShort(instruction.code()).put((byte) instruction.jt()).put((byte) instruction.jf())
          .putInt(instruction.k());
    }
    return buffer.array();
  }

  /** Builds a program; "fail" jumps point at a target fixed later with {@link #resolveFailuresTo}. */
  static final class Builder {

    private final List<Instruction> done = new ArrayList<>();
    private final List<int[]> pending = new ArrayList<>(); // {index, 1 if jt fails, 1 if jf fails}

    int size() {
      return done.size();
    }

    Builder load(int offset) {
      return add(LD_W_ABS, 0, 0, offset);
    }

    Builder and(int mask) {
      return add(AND_K, 0, 0, mask);
    }

    Builder ret(int value) {
      return add(RET_K, 0, 0, value);
    }

    Builder jumpIfEqual(int k, int jt, int jf) {
      return add(JEQ_K, jt, jf, k);
    }

    Builder jumpIfGreater(int k, int jt, int jf) {
      return add(JGT_K, jt, jf, k);
    }

    Builder jumpIfGreaterOrEqual(int k, int jt, int jf) {
      return add(JGE_K, jt, jf, k);
    }

    /** Goes on when the accumulator equals {@code k}, else fails. */
    Builder failUnlessEqual(int k) {
      pending.add(new int[] {done.size(), 0, 1});
      return add(JEQ_K, 0, 0, k);
    }

    /** Fails when the accumulator equals {@code k}, else goes on. */
    Builder failIfEqual(int k) {
      pending.add(new int[] {done.size(), 1, 0});
      return add(JEQ_K, 0, 0, k);
    }

    /** Points every fail jump at instruction {@code target} (an index in this builder, possibly its end). */
    List<Instruction> resolveFailuresTo(int target) {
      List<Instruction> resolved = new ArrayList<>(done);
      for (int[] jump : pending) {
        Instruction at = resolved.get(jump[0]);
        int offset = target - jump[0] - 1;
        resolved.set(jump[0], new Instruction(at.code(), jump[1] == 1 ? offset : at.jt(),
            jump[2] == 1 ? offset : at.jf(), at.k()));
      }
      return resolved;
    }

    Builder append(List<Instruction> instructions) {
      done.addAll(instructions);
      return this;
    }

    BpfProgram build() {
      if (!pending.isEmpty()) {
        throw new IllegalStateException("unresolved fail jumps");
      }
      return new BpfProgram(done);
    }

    private Builder add(short code, int jt, int jf, int k) {
      done.add(new Instruction(code, jt, jf, k));
      return this;
    }
  }
}
