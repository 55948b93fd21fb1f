package dev.lade.dockerfile.shell;

import java.util.Optional;

/** The value of {@code ${name<op>word}} once the word is expanded, as BuildKit computes it. */
final class Modifiers {
  private Modifiers() {}

  /**
   * @param op the operator character ({@code - + ? # %}), after any ':'
   * @param opText the operator as written, such as {@code :-}, for error messages
   * @param nullIsUnset whether a ':' made an empty value count as unset
   */
  static String apply(int op, String opText, boolean nullIsUnset, String name, Optional<String> variable, String word) {
    boolean set = variable.isPresent();
    String value = variable.orElse("");
    boolean missing = !set || (nullIsUnset && value.isEmpty());
    return switch (op) {
      case '-' -> missing ? word : value;
      case '+' -> missing ? "" : word;
      case '?' -> {
        if (!set) {
          throw new LexFailure(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
        }
        if (missing) {
          throw new LexFailure(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
        }
        yield value;
      }
      case '#', '%' -> {
        // A doubled operator (## or %%) asks for the longest match.
        boolean longest = !word.isEmpty() && word.charAt(0) == op;
        String pattern = longest ? word.substring(1) : word;
        yield op == '%' ? PatternOps.trimSuffix(pattern, value, longest) : PatternOps.trimPrefix(pattern, value, longest);
      }
      default -> throw unsupported(opText);
    };
  }

  static LexFailure unsupported(String opText) {
    return new LexFailure("unsupported modifier (" + opText + ") in substitution");
  }
}
