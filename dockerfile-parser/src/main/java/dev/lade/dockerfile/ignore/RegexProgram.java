package dev.lade.dockerfile.ignore;

import dev.lade.dockerfile.ignore.RegexNode.Assertion;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@link RegexNode}, run as a Thompson NFA (Pike VM without captures): time is linear
 * in the input for a given program, unlike backtracking engines, which is what RE2 promises too.
 */
final class RegexProgram {
  private static final int CHAR = 0;
  private static final int CLASS = 1;
  private static final int ANY = 2;
  private static final int SPLIT = 3;
  private static final int JUMP = 4;
  private static final int ASSERT = 5;
  private static final int MATCH = 6;

  private final int[] op;
  private final int[] arg;
  private final int[] arg2;
  private final CharClass[] classes;

  private RegexProgram(Builder b) {
    int n = b.op.size();
    op = new int[n];
    arg = new int[n];
    arg2 = new int[n];
    for (int i = 0; i < n; i++) {
      op[i] = b.op.get(i);
      arg[i] = b.arg.get(i);
      arg2[i] = b.arg2.get(i);
    }
    classes = b.classes.toArray(CharClass[]::new);
  }

  static RegexProgram compile(RegexNode node) {
    Builder b = new Builder();
    b.emit(node);
    b.add(MATCH, 0, 0);
    return new RegexProgram(b);
  }

  /** Go's {@code Regexp.MatchString}: whether the expression matches anywhere in {@code text}. */
  boolean matches(String text) {
    int[] in = text.codePoints().toArray();
    ThreadList current = new ThreadList(op.length);
    ThreadList next = new ThreadList(op.length);
    for (int pos = 0; ; pos++) {
      if (addThread(current, 0, in, pos)) return true; // unanchored: a new start at each position
      if (pos == in.length) return false;
      int c = in[pos];
      next.clear();
      for (int i = 0; i < current.size; i++) {
        int pc = current.pcs[i];
        boolean step = switch (op[pc]) {
          case CHAR -> c == arg[pc];
          case CLASS -> classes[arg[pc]].contains(c);
          case ANY -> c != '\n';
          default -> false;
        };
        if (step && addThread(next, pc + 1, in, pos + 1)) return true;
      }
      ThreadList t = current;
      current = next;
      next = t;
    }
  }

  /** Adds {@code start} and everything reachable without input; true if that reaches a match. */
  private boolean addThread(ThreadList list, int start, int[] in, int pos) {
    int[] stack = list.stack;
    int top = 0;
    stack[top++] = start;
    while (top > 0) {
      int pc = stack[--top];
      if (!list.mark(pc)) continue;
      switch (op[pc]) {
        case MATCH -> { return true; }
        case JUMP -> stack[top++] = arg[pc];
        case SPLIT -> {
          stack[top++] = arg2[pc];
          stack[top++] = arg[pc];
        }
        case ASSERT -> {
          if (holds(Assertion.Kind.values()[arg[pc]], in, pos)) stack[top++] = pc + 1;
        }
        default -> list.add(pc);
      }
    }
    return false;
  }

  private static boolean holds(Assertion.Kind kind, int[] in, int pos) {
    return switch (kind) {
      case BEGIN_TEXT -> pos == 0;
      case END_TEXT -> pos == in.length;
      case WORD_BOUNDARY -> isWordBefore(in, pos) != isWordAt(in, pos);
      case NOT_WORD_BOUNDARY -> isWordBefore(in, pos) == isWordAt(in, pos);
    };
  }

  private static boolean isWordBefore(int[] in, int pos) {
    return pos > 0 && NamedClasses.WORD.test(in[pos - 1]);
  }

  private static boolean isWordAt(int[] in, int pos) {
    return pos < in.length && NamedClasses.WORD.test(in[pos]);
  }

  /** The threads alive at one position, each program counter at most once. */
  private static final class ThreadList {
    final int[] pcs;
    final int[] stack;
    private final int[] seenIn; // the generation in which a pc was last reached
    private int generation = 1;
    int size;

    ThreadList(int n) {
      pcs = new int[n];
      stack = new int[2 * n + 2];
      seenIn = new int[n];
    }

    boolean mark(int pc) {
      if (seenIn[pc] == generation) return false;
      seenIn[pc] = generation;
      return true;
    }

    void add(int pc) {
      pcs[size++] = pc;
    }

    void clear() {
      generation++;
      size = 0;
    }
  }

  /** Thompson construction. */
  private static final class Builder {
    final List<Integer> op = new ArrayList<>();
    final List<Integer> arg = new ArrayList<>();
    final List<Integer> arg2 = new ArrayList<>();
    final List<CharClass> classes = new ArrayList<>();

    int add(int o, int a, int a2) {
      op.add(o);
      arg.add(a);
      arg2.add(a2);
      return op.size() - 1;
    }

    void patch(int pc, int a, int a2) {
      arg.set(pc, a);
      arg2.set(pc, a2);
    }

    void emit(RegexNode node) {
      switch (node) {
        case RegexNode.Literal l -> add(CHAR, l.codePoint(), 0);
        case RegexNode.Class c -> {
          classes.add(c.members());
          add(CLASS, classes.size() - 1, 0);
        }
        case RegexNode.AnyButNewline a -> add(ANY, 0, 0);
        case Assertion a -> add(ASSERT, a.kind().ordinal(), 0);
        case RegexNode.Concat c -> c.parts().forEach(this::emit);
        case RegexNode.Alternate a -> alternate(a.choices(), 0);
        case RegexNode.Repeat r -> repeat(r);
      }
    }

    private void alternate(List<RegexNode> choices, int i) {
      if (i == choices.size() - 1) {
        emit(choices.get(i));
        return;
      }
      int split = add(SPLIT, 0, 0);
      emit(choices.get(i));
      int jump = add(JUMP, 0, 0);
      int rest = op.size();
      alternate(choices, i + 1);
      patch(split, split + 1, rest);
      patch(jump, op.size(), 0);
    }

    private void repeat(RegexNode.Repeat r) {
      if (r.min() == 1) { // x+: x, then loop back or leave
        int body = op.size();
        emit(r.node());
        int split = add(SPLIT, 0, 0);
        patch(split, body, op.size());
      } else if (r.max() == 1) { // x?
        int split = add(SPLIT, 0, 0);
        emit(r.node());
        patch(split, split + 1, op.size());
      } else { // x*
        int split = add(SPLIT, 0, 0);
        emit(r.node());
        add(JUMP, split, 0);
        patch(split, split + 1, op.size());
      }
    }
  }
}
