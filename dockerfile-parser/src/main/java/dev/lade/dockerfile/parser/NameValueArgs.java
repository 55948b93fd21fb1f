package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.GoQuote;
import dev.lade.dockerfile.text.GoUnicode;
import java.util.ArrayList;
import java.util.List;

/**
 * ENV and LABEL arguments, as BuildKit's {@code parseNameVal}: key, value and separator triples.
 *
 * <p>When the first word has no {@code =}, this is the legacy {@code KEY value} form: the raw text
 * splits once at its first whitespace run into key and value (quotes, escapes and inner spaces
 * kept), with separator {@code ""}. Otherwise every word must be {@code key=value}; values keep
 * their quotes and escapes; the separator is {@code "="}.
 */
final class NameValueArgs {
  private NameValueArgs() {}

  /**
   * @param keyword {@code ENV} or {@code LABEL}, for error messages
   * @throws ParseFailure for a legacy form without value, or a word without {@code =}
   */
  static Arguments parse(String rest, String keyword, char escape) {
    List<String> words = WordSplitter.split(rest, escape);
    if (words.isEmpty()) return Arguments.NONE;
    if (words.get(0).indexOf('=') < 0) {
      int blank = GoUnicode.indexOfBlank(rest, 0);
      if (blank < 0) throw new ParseFailure(keyword + " must have two arguments");
      String value = rest.substring(GoUnicode.skipBlanks(rest, blank));
      return Arguments.of(List.of(rest.substring(0, blank), value, ""));
    }
    List<String> values = new ArrayList<>(words.size() * 3);
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new ParseFailure("Syntax error - can't find = in " + GoQuote.quote(word)
            + ". Must be of the form: name=value");
      }
      values.add(word.substring(0, eq));
      values.add(word.substring(eq + 1));
      values.add("=");
    }
    return Arguments.of(values);
  }
}
