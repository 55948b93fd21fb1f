package dev.lade.dockerfile.shell;

import java.util.Optional;
import java.util.function.Supplier;

/** The value of {@code ${name<op>word}} once the word is expanded, as BuildKit computes it. */
final class Modifiers {
  private Modifiers() {}

  /**
   * @param op the operator character ({@code - + ? # %}), after any ':'
   * @param opText the operator as written, such as {@code :-}, for error messages
   * @param nullIsUnset whether a ':' made an empty value count as unset
   * @param word the expanded word after the operator, asked for only when it is not passed through as it is
   * @return the value, or empty when the value is the word itself (so that nested defaults are never copied)
   */
  static Optional<String> apply(
      int op, String opText, boolean nullIsUnset, String name, Optional<String> variable, Supplier<String> word) {
    boolean set = variable.isPresent();
    String value = variable.orElse("");
    boolean missing = !set || (nullIsUnset && value.isEmpty());
    return switch (op) {
      case '-' -> missing ? Optional.empty() : Optional.of(value);
      case '+' -> missing ? Optional.of("") : Optional.empty();
      case '?' -> {
        if (missing) {
          String message = word.get();
          String otherwise = set ? "is not allowed to be empty" : "is not allowed to be unset";
          throw new LexFailure(name + ": " + (message.isEmpty() ? otherwise : message));
        }
        yield Optional.of(value);
      }
      case '#', '%' -> {
        // A doubled operator (## or %%) asks for the longest match.
        String pattern = word.get();
        boolean longest = !pattern.isEmpty() && pattern.charAt(0) == op;
        if (longest) {
          pattern = pattern.substring(1);
        }
        yield Optional.of(op == '%'
            ? PatternOps.trimSuffix(pattern, value, longest)
            : PatternOps.trimPrefix(pattern, value, longest));
      }
      default -> throw unsupported(opText);
    };
  }

  static LexFailure unsupported(String opText) {
    return new LexFailure("unsupported modifier (" + opText + ") in substitution");
  }
}
