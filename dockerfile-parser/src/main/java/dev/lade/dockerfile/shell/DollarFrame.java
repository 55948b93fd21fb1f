package dev.lade.dockerfile.shell;

import dev.lade.dockerfile.text.GoUnicode;
import java.util.List;
import java.util.Optional;

/**
 * A {@code $name} or {@code ${...}} substitution: BuildKit's processDollar. The parts inside braces are expanded by
 * child {@link WordFrame}s; {@link Modifiers} and {@link PatternOps} then compute the value.
 */
final class DollarFrame implements Frame {
  private enum Phase { START, WORD, PATTERN, REPLACEMENT }

  /** Where the substitution's text begins: what replaces it is written from here. */
  private final int start;
  private Phase phase = Phase.START;
  private String name;
  private int op;
  private String opText;
  private boolean nullIsUnset;
  private boolean replaceAll;
  /** Under SkipUnsetEnv an unset variable's substitution stays as written: its parts are written in place. */
  private boolean asWritten;
  private int wordStart;
  private int replacementStart;
  /** Set when the value has one match, whose replacement is expanded in place: the match and the text after it. */
  private String onlyMatch;
  private String afterMatch;

  DollarFrame(Expander x) {
    start = x.out.length();
  }

  @Override
  public int start() {
    return start;
  }

  @Override
  public void run(Expander x) {
    switch (phase) {
      case START -> start(x);
      case WORD -> finishModifier(x);
      case PATTERN -> beginReplacement(x);
      case REPLACEMENT -> finishReplace(x);
    }
  }

  @Override
  public void childDone(Expander x, int from) {
    // the part's text is in place, from wordStart or replacementStart on
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
    asWritten = x.options.skipUnsetEnv() && x.peek(name).isEmpty();
    switch (op) {
      case '}' -> {
        Optional<String> value = x.lookup(name);
        x.out.append(asWritten ? "${" + name + "}" : value.orElse(""));
        x.complete();
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
        if (asWritten) {
          x.out.append("${").append(name).append('/');
        }
        wordStart = x.out.length();
        phase = Phase.PATTERN;
        x.push(new WordFrame(x, '/', true, false));
      }
      default -> throw Modifiers.unsupported(opText);
    }
  }

  private static void simple(Expander x, String name) {
    if (name.isEmpty()) {
      x.out.append('$');
    } else {
      Optional<String> value = x.lookup(name);
      x.out.append(value.isEmpty() && x.options.skipUnsetEnv() ? "$" + name : value.orElse(""));
    }
    x.complete();
  }

  private void beginWord(Expander x) {
    // Patterns keep their escapes so that \* and \? still mean literal characters when matching.
    boolean patternWord = op == '#' || op == '%';
    if (nullIsUnset && patternWord) {
      throw Modifiers.unsupported(opText);
    }
    if (asWritten) {
      x.out.append("${").append(name).append(opText);
    }
    wordStart = x.out.length();
    phase = Phase.WORD;
    x.push(new WordFrame(x, '}', patternWord, false));
  }

  private void finishModifier(Expander x) {
    Optional<String> value = x.lookup(name);
    if (asWritten) {
      x.out.append('}');
    } else {
      Optional<String> computed = Modifiers.apply(op, opText, nullIsUnset, name, value, () -> x.out.substring(wordStart));
      if (computed.isPresent()) {
        x.truncate(start);
        x.out.append(computed.get());
      } // else the word is the value, and it is already in place (nothing was written before it)
    }
    x.complete();
  }

  private void beginReplacement(Expander x) {
    if (asWritten) {
      x.out.append('/'); // BuildKit writes a single '/' here even for '//'
    } else {
      writeBeforeOnlyMatch(x);
    }
    replacementStart = x.out.length();
    phase = Phase.REPLACEMENT;
    x.push(new WordFrame(x, '}', true, false));
  }

  /**
   * When the pattern matches the value once, the result is the text before the match, the replacement, and the text
   * after it: writing the first now lets the replacement be expanded in place, so that replacements nested in
   * replacements are not copied level by level.
   */
  private void writeBeforeOnlyMatch(Expander x) {
    GlobPattern glob;
    try {
      glob = GlobPattern.compile(x.out.substring(wordStart), true);
    } catch (LexFailure invalid) {
      return; // reported once the replacement is expanded, as BuildKit does
    }
    int[] text = x.peek(name).orElse("").codePoints().toArray();
    List<int[]> matches = PatternOps.replacedMatches(glob, text, replaceAll);
    if (matches.size() != 1) {
      return;
    }
    int[] match = matches.getFirst();
    x.truncate(start);
    x.out.append(PatternOps.slice(text, 0, match[0]));
    onlyMatch = PatternOps.slice(text, match[0], match[1]);
    afterMatch = PatternOps.slice(text, match[1], text.length);
  }

  private void finishReplace(Expander x) {
    Optional<String> value = x.lookup(name);
    if (asWritten) {
      x.out.append('}');
    } else if (afterMatch != null) {
      // replace-all expands $0 and $$ in the replacement; without a dollar it stays as it is
      if (replaceAll && x.dollarFrom(replacementStart)) {
        String template = x.out.substring(replacementStart);
        x.truncate(replacementStart);
        x.out.append(ReplacementTemplate.expand(template, onlyMatch));
      }
      x.out.append(afterMatch);
    } else {
      String pattern = x.out.substring(wordStart, replacementStart);
      String replacement = x.out.substring(replacementStart);
      x.truncate(start);
      x.out.append(PatternOps.replace(pattern, value.orElse(""), replacement, replaceAll));
    }
    x.complete();
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
