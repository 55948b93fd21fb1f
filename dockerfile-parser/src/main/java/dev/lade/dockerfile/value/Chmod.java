package dev.lade.dockerfile.value;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code --chmod} value of {@code COPY}/{@code ADD}: an octal mode ({@code 755}, {@code 0644})
 * or, since Dockerfile 1.14, a symbolic one ({@code u=rwx,g=rx,o=}, {@code +x}, {@code a-w},
 * {@code u+s}, {@code g=u}) that BuildKit applies to each copied file's own mode, with {@code X}
 * granting execute to directories and to files someone may already execute.
 */
public sealed interface Chmod {
  /**
   * The permission bits (low 12 bits, setuid/setgid/sticky included) a file with mode {@code
   * currentMode} gets; bits above 07777 (the file type) are kept.
   */
  int apply(int currentMode, boolean isDir);

  /**
   * An absolute octal mode, 0 to 07777, of which only the permission bits (0777) are applied: the
   * file keeps its own setuid, setgid and sticky bits, as fsutil's copier masks the mode with 0777
   * (dockerd 20.10 made {@code --chmod=4755} of a 0644 file 0755, of a 04755 one 04640 with 640).
   */
  record Octal(int mode) implements Chmod {
    public Octal {
      if (mode < 0 || mode > 07777) throw nonOctal(Integer.toOctalString(mode));
    }

    @Override public int apply(int currentMode, boolean isDir) {
      return (currentMode & ~0777) | (mode & 0777);
    }

    @Override public String toString() {
      return String.format("%04o", mode);
    }
  }

  /** A symbolic mode: comma-separated clauses, applied in order. */
  record Symbolic(List<Clause> clauses) implements Chmod {
    public Symbolic {
      clauses = List.copyOf(clauses);
      if (clauses.isEmpty() || SymbolicModeProgram.compile(text(clauses)) == null) {
        throw invalidSyntax(text(clauses));
      }
    }

    @Override public int apply(int currentMode, boolean isDir) {
      int bits = SymbolicModeProgram.compile(toString()).apply(currentMode, isDir);
      return (currentMode & ~07777) | bits;
    }

    @Override public String toString() {
      return text(clauses);
    }

    private static String text(List<Clause> clauses) {
      return clauses.stream().map(Clause::toString).collect(Collectors.joining(","));
    }
  }

  /** {@code who} is any of {@code ugoa} (empty means all); then one or more actions. */
  record Clause(String who, List<Action> actions) {
    public Clause {
      actions = List.copyOf(actions);
    }

    @Override public String toString() {
      return who + actions.stream().map(Action::toString).collect(Collectors.joining());
    }
  }

  /** {@code op} is {@code + - =}; {@code perms} any of {@code rwxXst}, or {@code ugo} to copy those bits. */
  record Action(char op, String perms) {
    @Override public String toString() {
      return op + perms;
    }
  }

  /**
   * Parses as BuildKit's Dockerfile frontend does: an octal number up to 07777, else a symbolic
   * mode (chmod(1) syntax).
   *
   * @throws InvalidValueException e.g. {@code invalid chmod parameter: '8'. it should be octal
   *     string and between 0 and 07777}
   */
  static Chmod parse(String text) {
    if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '7')) {
      long v = text.length() > 11 ? Long.MAX_VALUE : Long.parseLong(text, 8);
      if (v > 07777) throw nonOctal(text);
      return new Octal((int) v);
    }
    if (!text.isEmpty() && Character.isDigit(text.charAt(0))) throw nonOctal(text); // looks numeric
    if (SymbolicModeProgram.compile(text) == null) throw invalidSyntax(text);
    return new Symbolic(clauses(text));
  }

  private static List<Clause> clauses(String text) {
    List<Clause> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      int i = 0;
      while ("ugoa".indexOf(part.charAt(i)) >= 0) i++;
      String who = part.substring(0, i);
      List<Action> actions = new ArrayList<>();
      while (i < part.length()) {
        int start = ++i;
        while (i < part.length() && "+-=".indexOf(part.charAt(i)) < 0) i++;
        actions.add(new Action(part.charAt(start - 1), part.substring(start, i)));
      }
      out.add(new Clause(who, actions));
    }
    return out;
  }

  private static InvalidValueException nonOctal(String text) {
    return new InvalidValueException(
        "invalid chmod parameter: '" + text + "'. it should be octal string and between 0 and 07777", text);
  }

  private static InvalidValueException invalidSyntax(String text) {
    return new InvalidValueException("invalid chmod parameter: '" + text + "': invalid syntax", text);
  }
}
