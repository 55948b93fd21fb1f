package dev.lade.dockerfile.ignore;

import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/** The named character classes of Go's RE2: Perl escapes, POSIX brackets, Unicode categories. */
final class NamedClasses {
  private NamedClasses() {}

  static final IntPredicate DIGIT = c -> c >= '0' && c <= '9';
  static final IntPredicate WORD = c -> DIGIT.test(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  private static final IntPredicate PERL_SPACE = c -> c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';

  private static final Map<String, IntPredicate> POSIX = Map.ofEntries(
      Map.entry("alnum", c -> DIGIT.test(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')),
      Map.entry("alpha", c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')),
      Map.entry("ascii", c -> c <= 0x7F),
      Map.entry("blank", c -> c == '\t' || c == ' '),
      Map.entry("cntrl", c -> c <= 0x1F || c == 0x7F),
      Map.entry("digit", DIGIT),
      Map.entry("graph", c -> c >= '!' && c <= '~'),
      Map.entry("lower", c -> c >= 'a' && c <= 'z'),
      Map.entry("print", c -> c >= ' ' && c <= '~'),
      Map.entry("punct", c -> (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~')),
      Map.entry("space", c -> c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' '),
      Map.entry("upper", c -> c >= 'A' && c <= 'Z'),
      Map.entry("word", WORD),
      Map.entry("xdigit", c -> DIGIT.test(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));

  /** {@code \d \s \w} and their upper-case negations. */
  static Optional<IntPredicate> perl(int letter) {
    IntPredicate p = switch (letter) {
      case 'd', 'D' -> DIGIT;
      case 's', 'S' -> PERL_SPACE;
      case 'w', 'W' -> WORD;
      default -> null;
    };
    if (p == null) return Optional.empty();
    return Optional.of(Character.isUpperCase(letter) ? p.negate() : p);
  }

  /** {@code [:alpha:]} style names; a leading {@code ^} negates. */
  static Optional<IntPredicate> posix(String name) {
    boolean negate = name.startsWith("^");
    IntPredicate p = POSIX.get(negate ? name.substring(1) : name);
    if (p == null) return Optional.empty();
    return Optional.of(negate ? p.negate() : p);
  }

  /**
   * A Unicode group by name, as {@code \pL} uses. Only {@code Any} and the one-letter general
   * categories are known here: patternmatcher escapes {@code {}, so no longer name can reach RE2.
   */
  static Optional<IntPredicate> unicode(String name) {
    return switch (name) {
      case "Any" -> Optional.of(c -> true);
      case "C" -> types(Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE);
      case "L" -> types(Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER);
      case "M" -> types(Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK);
      case "N" -> types(Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER);
      case "P" -> types(Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION);
      case "S" -> types(Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL);
      case "Z" -> types(Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR);
      default -> Optional.empty();
    };
  }

  private static Optional<IntPredicate> types(int... types) {
    return Optional.of(c -> {
      int t = Character.getType(c);
      for (int type : types) if (t == type) return true;
      return false;
    });
  }
}
