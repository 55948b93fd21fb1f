package dev.lade.dockerfile.fuzz;

import dev.lade.dockerfile.shell.Env;
import dev.lade.dockerfile.shell.ShellExpansionException;
import dev.lade.dockerfile.shell.ShellLexer;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Expansion takes time linear in the word (and in variable values), for each way a word can grow,
 * with words and with the whole result. That includes nested substitutions whose text grows with
 * the depth, which BuildKit's recursion copies level by level (quadratic time).
 *
 * <p>Not covered: a replace-all whose replacement holds a {@code $} at every level, such as
 * {@code ${PWD//o/'$0'${PWD//o/'$0'...}}}: Go's template rules rewrite the whole replacement at
 * each level.
 */
class ShellLinearityTest {
  private static final int N = 8_000;
  private static final ShellLexer LEXER = new ShellLexer('\\');
  private static final ShellLexer KEEPING = new ShellLexer('`').withRawQuotes(true).withRawEscapes(true);
  private static final ShellLexer AS_WRITTEN = LEXER.withSkipUnsetEnv(true);
  private static final ShellLexer QUOTES_AS_TEXT = LEXER.withSkipProcessQuotes(true);

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

  /** Each level adds to the text of the levels inside it. */
  @Test
  void nestingThatGrows() {
    check("growing defaults", LEXER, n -> "${a:-x".repeat(n) + "}".repeat(n));
    check("growing alternatives", LEXER, n -> "${PWD:+x".repeat(n) + "}".repeat(n));
    check("kept quotes", KEEPING, n -> "${a:-\"".repeat(n) + "x" + "\"}".repeat(n));
    check("quotes as text", QUOTES_AS_TEXT, n -> "${a:-'".repeat(n) + "x" + "'}".repeat(n));
    check("unset kept as written", AS_WRITTEN, n -> "${a:-".repeat(n) + "x" + "}".repeat(n));
    check("unset patterns kept as written", AS_WRITTEN, n -> "${a/".repeat(n) + "x" + "/y}".repeat(n));
    check("replacements", LEXER, n -> "${PWD/o/x".repeat(n) + "}".repeat(n));
    check("replace-all matching once", LEXER, n -> "${PWD//o/x".repeat(n) + "}".repeat(n));
    check("replace-all with a template", LEXER, n -> "${PWD//o/'$0'" + "${PWD//o/x".repeat(n) + "}".repeat(n + 1));
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
