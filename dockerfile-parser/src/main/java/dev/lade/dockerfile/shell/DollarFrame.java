package dev.lade.dockerfile.shell;

import dev.lade.dockerfile.text.GoUnicode;
import java.util.Optional;

/**
 * A {@code $name} or {@code ${...}} substitution: BuildKit's processDollar. The parts inside braces are expanded by
 * child {@link WordFrame}s; {@link Modifiers} and {@link PatternOps} then compute the value.
 */
final class DollarFrame implements Frame {
  private enum Phase { START, WORD, PATTERN, REPLACEMENT }

  private Phase phase = Phase.START;
  private String name;
  private int op;
  private String opText;
  private boolean nullIsUnset;
  private boolean replaceAll;
  private String pattern;
  private String childValue;

  @Override
  public void run(Expander x) {
    switch (phase) {
      case START -> start(x);
      case WORD -> finishModifier(x);
      case PATTERN -> {
        pattern = childValue;
        phase = Phase.REPLACEMENT;
        x.push(new WordFrame(x, '}', true, false));
      }
      case REPLACEMENT -> finishReplace(x);
    }
  }

  @Override
  public void childDone(String value) {
    childValue = value;
  }

  /** A part that ran into the end of the word means the substitution was never closed. */
  @Override
  public String unwind(String reason, boolean atEnd) {
    if (!atEnd) {
      return reason;
    }
    return phase == Phase.PATTERN ? "syntax error: missing '/' in ${}" : "syntax error: missing '}'";
  }

  private void start(Expander x) {
    RuneScanner in = x.in;
    in.next(); // the '$'
    if (in.peek() != '{') {
      simple(x, readName(in));
      return;
    }
    in.next();
    int first = in.peek();
    if (first == RuneScanner.EOF) {
      throw new LexFailure("syntax error: missing '}'");
    }
    if (first == '{' || first == '}' || first == ':') {
      throw new LexFailure("syntax error: bad substitution");
    }
    name = readName(in);
    op = in.next();
    opText = GoUnicode.runeString(op);
    switch (op) {
      case '}' -> {
        Optional<String> value = x.lookup(name);
        x.complete(value.isEmpty() && x.options.skipUnsetEnv() ? "${" + name + "}" : value.orElse(""));
      }
      case ':' -> {
        nullIsUnset = true;
        op = in.next();
        opText += GoUnicode.runeString(op);
        beginWord(x);
      }
      case '+', '-', '?', '#', '%' -> beginWord(x);
      case '/' -> {
        replaceAll = in.peek() == '/';
        if (replaceAll) {
          in.next();
        }
        phase = Phase.PATTERN;
        x.push(new WordFrame(x, '/', true, false));
      }
      default -> throw Modifiers.unsupported(opText);
    }
  }

  private static void simple(Expander x, String name) {
    if (name.isEmpty()) {
      x.complete("$");
      return;
    }
    Optional<String> value = x.lookup(name);
    x.complete(value.isEmpty() && x.options.skipUnsetEnv() ? "$" + name : value.orElse(""));
  }

  private void beginWord(Expander x) {
    // Patterns keep their escapes so that \* and \? still mean literal characters when matching.
    boolean patternWord = op == '#' || op == '%';
    if (nullIsUnset && patternWord) {
      throw Modifiers.unsupported(opText);
    }
    phase = Phase.WORD;
    x.push(new WordFrame(x, '}', patternWord, false));
  }

  private void finishModifier(Expander x) {
    String word = childValue;
    Optional<String> value = x.lookup(name);
    if (value.isEmpty() && x.options.skipUnsetEnv()) {
      x.complete("${" + name + opText + word + "}");
      return;
    }
    x.complete(Modifiers.apply(op, opText, nullIsUnset, name, value, word));
  }

  private void finishReplace(Expander x) {
    String replacement = childValue;
    Optional<String> value = x.lookup(name);
    if (value.isEmpty() && x.options.skipUnsetEnv()) {
      // BuildKit writes a single '/' here even for '//'.
      x.complete("${" + name + "/" + pattern + "/" + replacement + "}");
      return;
    }
    x.complete(PatternOps.replace(pattern, value.orElse(""), replacement, replaceAll));
  }

  /**
   * Reads a variable name: letters, digits and '_'; or only digits when it starts with one (positional parameters);
   * or one special parameter character.
   */
  private static String readName(RuneScanner in) {
    StringBuilder name = new StringBuilder();
    while (in.peek() != RuneScanner.EOF) {
      int ch = in.peek();
      if (name.isEmpty() && Character.isDigit(ch)) {
        while (in.peek() != RuneScanner.EOF && Character.isDigit(in.peek())) {
          name.appendCodePoint(in.next());
        }
        return name.toString();
      }
      if (name.isEmpty() && isSpecialParam(ch)) {
        return Character.toString(in.next());
      }
      if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
        break;
      }
      name.appendCodePoint(in.next());
    }
    return name.toString();
  }

  private static boolean isSpecialParam(int ch) {
    return switch (ch) {
      case '@', '*', '#', '?', '-', '$', '!', '0' -> true;
      default -> false;
    };
  }
}
