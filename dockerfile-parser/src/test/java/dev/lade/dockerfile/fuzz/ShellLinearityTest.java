package dev.lade.dockerfile.fuzz;

import dev.lade.dockerfile.shell.Env;
import dev.lade.dockerfile.shell.ShellExpansionException;
import dev.lade.dockerfile.shell.ShellLexer;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Expansion takes time linear in the word (and in variable values), for each way a word can grow,
 * with words and with the whole result.
 *
 * <p>Not covered: nested substitutions whose expanded text grows with the depth, such as
 * {@code ${a:-x${a:-x...}}}, or any nesting when unset variables are kept as written or quotes
 * are kept. Each level copies the text of the levels inside it, so those take quadratic time (as
 * in BuildKit, whose recursion concatenates strings the same way).
 */
class ShellLinearityTest {
  private static final int N = 8_000;
  private static final ShellLexer LEXER = new ShellLexer('\\');
  private static final ShellLexer KEEPING = new ShellLexer('`').withRawQuotes(true).withRawEscapes(true);

  @Test
  void repeatedParts() {
    check("unquoted references", LEXER, n -> "$space ".repeat(n));
    check("quoted references", LEXER, n -> "\"${leading}\" x ".repeat(n));
    check("defaults", LEXER, n -> "${NULL:-$PWD}/${x:+y}".repeat(n));
    check("single quotes", KEEPING, n -> "'a b' ".repeat(n));
    check("escapes", LEXER, n -> "\\$\\\\\\ ".repeat(n));
    check("dollars and braces", LEXER, n -> "$ $$ {} ".repeat(n));
    check("unterminated quote", LEXER, n -> "\"" + "a ".repeat(n));
  }

  @Test
  void nesting() {
    check("nested defaults", LEXER, n -> "${a:-".repeat(n) + "x" + "}".repeat(n));
    check("nested quoted defaults", LEXER, n -> "${a:-\"".repeat(n) + "$PWD" + "\"}".repeat(n));
    check("nested prefix patterns", LEXER, n -> "${PWD#".repeat(n) + "/" + "}".repeat(n));
    check("unclosed nesting", LEXER, n -> "${a:-".repeat(n));
  }

  @Test
  void patternsOverGrowingValues() {
    checkValue("replace all", "${A//b/xy}");
    checkValue("longest suffix with classes", "${A%%[ab]*b}");
    checkValue("shortest prefix with stars", "${A#*a*b}");
    checkValue("anchored replace", "${A/#a*b/}");
  }

  private static void check(String shape, ShellLexer lexer, IntFunction<String> word) {
    Env env = ShellTarget.ENV;
    Linearity.check(shape, N, word, w -> {
      try {
        lexer.process(w, env); // the result and the words
      } catch (ShellExpansionException expected) {
        // failing is as fine as expanding, as long as it is fast
      }
    });
  }

  /** A fixed word over a variable {@code A} of growing size. */
  private static void checkValue(String shape, String word) {
    Linearity.check(shape, 4 * N, n -> Env.of(Map.of("A", "ab".repeat(n))), env -> LEXER.processWord(word, env));
  }
}
