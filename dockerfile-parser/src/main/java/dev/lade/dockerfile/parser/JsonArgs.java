package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.GoUnicode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exec-form ("JSON") arguments, decided exactly as BuildKit's {@code parseJSON} with Go's
 * {@code json.Decoder}.
 *
 * <ul>
 *   <li>After leading whitespace the text must start with {@code [} and hold one valid JSON value
 *       (Go's grammar and 10000-level nesting limit). Text after that value is ignored, as
 *       {@code Decoder.Decode} ignores it.
 *   <li>Invalid JSON, or a number too large for a float64 anywhere in the value (Go reports that
 *       as a decoding error), means "not JSON": the caller falls back to its plain form.
 *   <li>Valid JSON with an element that is not a string is an error, not a fallback.
 * </ul>
 */
final class JsonArgs {
  static final String NOT_STRING_ARRAY = "when using JSON array syntax, arrays must be comprised of strings only";

  private JsonArgs() {}

  /**
   * The array's strings, or empty when {@code rest} is not a JSON array.
   *
   * @throws ParseFailure when it is a JSON array with an element that is not a string
   */
  static Optional<List<String>> parse(String rest) {
    String s = GoUnicode.trimLeftSpace(rest);
    if (!s.startsWith("[")) return Optional.empty();
    JsonScanner scanner = new JsonScanner(s);
    List<String> strings = new ArrayList<>();
    boolean allStrings;
    try {
      allStrings = scanner.readArrayOfStrings(strings);
    } catch (JsonScanner.SyntaxError e) {
      return Optional.empty();
    }
    if (scanner.sawNumberOutOfRange()) return Optional.empty();
    if (!allStrings) throw new ParseFailure(NOT_STRING_ARRAY);
    return Optional.of(List.copyOf(strings));
  }
}
