package dev.lade.dockerfile.value;

import java.util.ArrayList;
import java.util.List;

/**
 * The bit operations of a symbolic mode, as BuildKit computes them with {@code
 * tonistiigi/dchapes-mode} (a port of BSD {@code setmode}/{@code getmode}) and a zero umask.
 */
final class SymbolicModeProgram {
  static final int SET_UID = 04000;
  static final int SET_GID = 02000;
  static final int STICKY = 01000;
  private static final int USER = 0700;
  private static final int GROUP = 0070;
  private static final int OTHER = 0007;
  private static final int STANDARD = SET_UID | SET_GID | USER | GROUP | OTHER;
  private static final int MASK = 0xFFFF; // ^umask with umask 0, as a 16-bit mode_t

  private static final int CLEAR = 1;
  private static final int SET = 2;
  private static final int G_BITS = 4;
  private static final int O_BITS = 8;
  private static final int U_BITS = 16;

  /** One step: set, clear, conditionally set ({@code X}) or copy ({@code u g o}) bits. */
  private record Cmd(char cmd, int cmd2, int bits) {}

  private final List<Cmd> cmds;

  private SymbolicModeProgram(List<Cmd> cmds) {
    this.cmds = cmds;
  }

  /** Compiles a symbolic mode ({@code u=rwx,go=u-w}); null when it is not valid syntax. */
  static SymbolicModeProgram compile(String s) {
    List<Cmd> cmds = new ArrayList<>();
    int i = 0;
    int n = s.length();
    boolean equalOpDone = false;
    while (true) {
      int who = 0;
      while (true) {
        if (i >= n) return null;
        int w = switch (s.charAt(i)) {
          case 'a' -> STANDARD;
          case 'u' -> SET_UID | USER;
          case 'g' -> SET_GID | GROUP;
          case 'o' -> OTHER;
          default -> -1;
        };
        if (w < 0) break;
        who |= w;
        i++;
      }
      while (true) { // one or more operators in this clause
        char op = s.charAt(i++);
        if (op == '=') equalOpDone = false;
        else if (op != '+' && op != '-') return null;
        who &= ~STICKY;
        int perm = 0;
        int permX = 0;
        for (; ; i++) {
          char b = i < n ? s.charAt(i) : 0;
          boolean notOtherOnly = who == 0 || (who & ~OTHER) != 0;
          if (b == 'r') perm |= 0444;
          else if (b == 'w') perm |= 0222;
          else if (b == 'x') perm |= 0111;
          else if (b == 'X') permX = op == '+' ? 0111 : permX;
          else if (b == 's') perm |= notOtherOnly ? SET_UID | SET_GID : 0;
          else if (b == 't') {
            if (notOtherOnly) {
              who |= STICKY;
              perm |= STICKY;
            }
          } else if (b == 'u' || b == 'g' || b == 'o') { // copy another class's bits
            if (perm != 0) add(cmds, op, who, perm);
            perm = 0;
            if (op == '=') equalOpDone = true;
            if (permX != 0) add(cmds, 'X', who, permX);
            permX = 0;
            add(cmds, b, who, op);
          } else {
            if (perm != 0 || (op == '=' && !equalOpDone)) {
              if (op == '=') equalOpDone = true;
              add(cmds, op, who, perm);
            }
            if (permX != 0) add(cmds, 'X', who, permX);
            break;
          }
        }
        if (i >= n) return new SymbolicModeProgram(compress(cmds));
        if (s.charAt(i) == ',') break;
      }
      i++; // ,
    }
  }

  private static void add(List<Cmd> cmds, char op, int who, int oparg) {
    switch (op) {
      case '=', '+', '-', 'X' -> {
        if (op == '=') {
          cmds.add(new Cmd('-', 0, who != 0 ? who : STANDARD));
          op = '+';
        }
        cmds.add(new Cmd(op, 0, (who != 0 ? who : MASK) & oparg));
      }
      default -> { // 'u', 'g', 'o'
        int cmd2 = 0;
        int bits = MASK;
        if (who != 0) {
          if ((who & 0400) != 0) cmd2 |= U_BITS;
          if ((who & 0040) != 0) cmd2 |= G_BITS;
          if ((who & 0004) != 0) cmd2 |= O_BITS;
        } else {
          cmd2 = U_BITS | G_BITS | O_BITS;
        }
        cmd2 |= switch (oparg) {
          case '+' -> SET;
          case '-' -> CLEAR;
          default -> SET | CLEAR;
        };
        cmds.add(new Cmd(op, cmd2, bits));
      }
    }
  }

  /** Merges runs of {@code + - X} into at most one of each, as dchapes-mode does. */
  private static List<Cmd> compress(List<Cmd> in) {
    List<Cmd> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      if ("+-X".indexOf(in.get(i).cmd()) < 0) {
        out.add(in.get(i));
        continue;
      }
      int set = 0;
      int clear = 0;
      int x = 0;
      for (; i < in.size() && "+-X".indexOf(in.get(i).cmd()) >= 0; i++) {
        Cmd c = in.get(i);
        switch (c.cmd()) {
          case '-' -> { clear |= c.bits(); set &= ~c.bits(); x &= ~c.bits(); }
          case '+' -> { set |= c.bits(); clear &= ~c.bits(); x &= ~c.bits(); }
          default -> x |= c.bits() & ~set;
        }
      }
      i--;
      if (clear != 0) out.add(new Cmd('-', 0, clear));
      if (set != 0) out.add(new Cmd('+', 0, set));
      if (x != 0) out.add(new Cmd('X', 0, x));
    }
    return List.copyOf(out);
  }

  /** The new permission bits (07777) for a file whose bits are {@code mode}. */
  int apply(int mode, boolean isDir) {
    int old = mode & 07777;
    int m = old;
    for (Cmd c : cmds) {
      switch (c.cmd()) {
        case 'u' -> m = copy(m, c, (m & USER) >> 6);
        case 'g' -> m = copy(m, c, (m & GROUP) >> 3);
        case 'o' -> m = copy(m, c, m & OTHER);
        case '+' -> m |= c.bits();
        case '-' -> m &= ~c.bits();
        default -> { // 'X': execute only if someone may already execute, or for directories
          if ((old & 0111) != 0 || isDir) m |= c.bits();
        }
      }
    }
    return m & 07777;
  }

  private static int copy(int m, Cmd c, int value) {
    if ((c.cmd2() & CLEAR) != 0) {
      int clear = (c.cmd2() & SET) != 0 ? OTHER : value;
      if ((c.cmd2() & U_BITS) != 0) m &= ~((clear << 6) & c.bits());
      if ((c.cmd2() & G_BITS) != 0) m &= ~((clear << 3) & c.bits());
      if ((c.cmd2() & O_BITS) != 0) m &= ~(clear & c.bits());
    }
    if ((c.cmd2() & SET) != 0) {
      if ((c.cmd2() & U_BITS) != 0) m |= (value << 6) & c.bits();
      if ((c.cmd2() & G_BITS) != 0) m |= (value << 3) & c.bits();
      if ((c.cmd2() & O_BITS) != 0) m |= value & c.bits();
    }
    return m;
  }
}
