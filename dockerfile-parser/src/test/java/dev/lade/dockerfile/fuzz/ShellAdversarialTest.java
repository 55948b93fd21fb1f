package dev.lade.dockerfile.fuzz;

import static dev.lade.dockerfile.fuzz.Shapes.MB;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.dockerfile.shell.Env;
import dev.lade.dockerfile.shell.ShellExpansionException;
import dev.lade.dockerfile.shell.ShellLexer;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Hostile words through the expander under many option combinations: deep nesting, megabyte runs
 * of escapes, quotes and dollars, and patterns over megabyte values. Each must finish well within
 * {@link Guard#LIMIT} on a default-size stack, expanding or failing with
 * {@code ShellExpansionException}.
 */
class ShellAdversarialTest {
  /** Every option combination, for words of tens of kilobytes that fail or expand to little. */
  private static final int[] ALL = IntStream.range(0, ShellTarget.OPTION_COMBINATIONS).toArray();
  /**
   * Defaults and everything on, for words that are big or expand to much (the fuzz tests cover the
   * other combinations).
   */
  private static final int[] EXTREMES = {0, ShellTarget.OPTION_COMBINATIONS - 1};

  @Test
  void tenThousandNestedSubstitutions() {
    int depth = 10_000;
    String[][] pairs = {{"${a:-", "}"}, {"${a:+", "}"}, {"${a:-\"", "\"}"}, {"${PWD#", "}"}, {"${PWD/", "/r}"}};
    for (String[] pair : pairs) {
      String closed = pair[0].repeat(depth) + "x" + pair[1].repeat(depth);
      assertEquals(ALL.length, expand(pair[0] + " x" + depth, closed, ALL), "expands " + pair[0]);
    }
    assertEquals(0, expand("${a:- x10000 unclosed", "${a:-".repeat(depth) + "x", ALL));
    // only the options that keep an unset variable's substitution as written let it pass
    int keepingUnset = ALL.length / 2;
    assertEquals(keepingUnset, expand("${a?${a?... x10000", "${a?".repeat(depth) + "}".repeat(depth), ALL));
  }

  @Test
  void megabyteRunsOfOneCharacter() {
    assertEquals(EXTREMES.length, expand("1M backslashes", "\\".repeat(MB), EXTREMES));
    assertEquals(EXTREMES.length, expand("1M+1 backslashes", "\\".repeat(MB + 1), EXTREMES));
    // an odd number of quotes fails, unless quotes are ordinary characters
    assertEquals(1, expand("1M+1 single quotes", "'".repeat(MB + 1), EXTREMES));
    assertEquals(1, expand("1M+1 double quotes", "\"".repeat(MB + 1), EXTREMES));
    assertEquals(EXTREMES.length, expand("1M+1 backticks", "`".repeat(MB + 1), EXTREMES));
    assertEquals(EXTREMES.length, expand("1M dollars", "$".repeat(MB), EXTREMES));
    assertEquals(0, expand("100k '${'", "${".repeat(100_000), EXTREMES));
    assertEquals(0, expand("100k '${}'", "${}".repeat(100_000), EXTREMES));
  }

  @Test
  void aMegabyteOfReferences() {
    assertEquals(EXTREMES.length, expand("200k $space", "$space".repeat(200_000), EXTREMES));
    assertEquals(EXTREMES.length, expand("100k \"${leading}\" words", "\"${leading}\" ".repeat(100_000), EXTREMES));
    assertEquals(EXTREMES.length, expand("100k ${NULL:-$PWD}", "${NULL:-$PWD}".repeat(100_000), EXTREMES));
  }

  @Test
  void patternsOverMegabyteValues() {
    Env env = Env.of(Map.of("A", "a".repeat(MB), "S", "*?[".repeat(MB / 3)));
    String[] words = {"${A//[a/x}", "${A//[!b]/x}", "${A##*[a]}", "${A%%" + "?".repeat(10_000) + "}", "${S//\\*/x}",
        "${S//[[]/x}", "${A/#a*/x}", "${A/%*a/x}", "${A//" + "[a]".repeat(1000) + "b/x}", "${A/" + "\\".repeat(3) + "/x}"};
    for (String word : words) {
      Guard.run(Printable.text(word) + " over 1 MB", () -> {
        try {
          return "expanded to " + new ShellLexer('\\').processWord(word, env).length() + " chars";
        } catch (ShellExpansionException e) {
          return "rejected: " + e.reason();
        }
      });
    }
  }

  /** How many of the option combinations expanded the word (the rest failed with the typed error). */
  private static int expand(String shape, String word, int[] combinations) {
    return Guard.run(shape, () -> {
      int expanded = 0;
      for (int bits : combinations) {
        if (ShellTarget.run(ShellTarget.lexer(bits), word)) expanded++;
      }
      return expanded;
    });
  }
}
