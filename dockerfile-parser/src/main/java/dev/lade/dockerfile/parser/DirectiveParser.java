package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.GoUnicode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds parser directives at the top of a Dockerfile, as BuildKit's {@code DirectiveParser}: it
 * looks at each line until the first one that is not a known directive (a blank line, an ordinary
 * comment, an instruction or an unknown directive name), and never again after that.
 *
 * <p>A directive line, leading whitespace stripped, is {@code #}, optional whitespace, a name (a
 * letter then letters or digits, any case), optional whitespace, {@code =}, optional whitespace and
 * a non-empty value running to the end of the line, trailing whitespace trimmed. "Whitespace" here
 * is Go's regexp {@code \s}: tab, newline, form feed, carriage return and space.
 */
final class DirectiveParser {
  static final String SYNTAX = "syntax";
  static final String ESCAPE = "escape";
  static final String CHECK = "check";
  private static final Set<String> KNOWN = Set.of(SYNTAX, ESCAPE, CHECK);

  private final Set<String> seen = new HashSet<>();
  private final List<Directive> found = new ArrayList<>();
  private boolean done;
  private char escape = Directives.DEFAULT_ESCAPE;

  /**
   * Looks at one line (newline and leading whitespace already removed).
   *
   * @return the directive on it, or empty when it is none
   * @throws ParseFailure for a repeated directive or an invalid escape character
   */
  Optional<Directive> parseLine(String line, int lineNumber) {
    if (done) return Optional.empty();
    Optional<Directive> directive = match(line, lineNumber);
    if (directive.isEmpty() || !KNOWN.contains(directive.get().name())) {
      done = true;
      return Optional.empty();
    }
    Directive d = directive.get();
    if (!seen.add(d.name())) {
      throw new ParseFailure("only one " + d.name() + " parser directive can be used");
    }
    if (d.name().equals(ESCAPE) && !d.value().equals("`") && !d.value().equals("\\")) {
      throw new ParseFailure("invalid escape token '" + d.value() + "' does not match ` or \\");
    }
    if (d.name().equals(ESCAPE)) escape = d.value().charAt(0);
    found.add(d);
    return directive;
  }

  /** The directives found so far. */
  Directives directives() {
    return Directives.of(found);
  }

  /** The escape character in effect now. */
  char escapeToken() {
    return escape;
  }

  private static Optional<Directive> match(String line, int lineNumber) {
    if (!line.startsWith("#")) return Optional.empty();
    String s = GoUnicode.trimLeftSpace(line.substring(1));
    int i = 0;
    if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) return Optional.empty();
    while (i < s.length() && (isAsciiLetter(s.charAt(i)) || (s.charAt(i) >= '0' && s.charAt(i) <= '9'))) i++;
    String name = s.substring(0, i);
    i = skipRegexSpace(s, i);
    if (i == s.length() || s.charAt(i) != '=') return Optional.empty();
    int afterEquals = i + 1;
    int valueStart = skipRegexSpace(s, afterEquals);
    String value;
    if (valueStart < s.length()) {
      int end = s.length();
      while (end > valueStart && isRegexSpace(s.charAt(end - 1))) end--;
      value = s.substring(valueStart, end);
    } else if (valueStart > afterEquals) {
      // `(.+?)` needs one character: the regexp gives back the last whitespace char.
      value = s.substring(s.length() - 1);
    } else {
      return Optional.empty();
    }
    return Optional.of(new Directive(GoUnicode.toLower(name), value, lineNumber));
  }

  private static int skipRegexSpace(String s, int from) {
    int i = from;
    while (i < s.length() && isRegexSpace(s.charAt(i))) i++;
    return i;
  }

  /** Go regexp's {@code \s}: {@code [\t\n\f\r ]}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
