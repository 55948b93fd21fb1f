package dev.lade.dockerfile.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Failures carry BuildKit's reasons, wrapped as {@code failed to process "<word>": <reason>}. */
class ShellLexerErrorsTest {
  private static final ShellLexer LEXER = new ShellLexer('\\');
  private static final Env ENV = Env.of(Map.of("PWD", "/home", "NULL", "", "P", "ab\\"));

  private static ShellExpansionException failure(String word) {
    return assertThrows(ShellExpansionException.class, () -> LEXER.processWord(word, ENV));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "${}              | syntax error: bad substitution",
      "${:-x}           | syntax error: bad substitution",
      "${{a}            | syntax error: bad substitution",
      "he${             | syntax error: missing '}'",
      "${aaa:-bbb       | syntax error: missing '}'",
      "${aaa:           | syntax error: missing '}'",
      "${a:-${PWD?x}    | syntax error: missing '}'",
      "${a:-${b?x}}     | b: x",
      "${a/b            | syntax error: missing '/' in ${}",
      "${a/'b           | syntax error: missing '/' in ${}",
      "${a/b/c          | syntax error: missing '}'",
      "${.}             | unsupported modifier (.) in substitution",
      "${PWD:=000}      | unsupported modifier (:=) in substitution",
      "${PWD=000}       | unsupported modifier (=) in substitution",
      "${XXX:YYY}       | unsupported modifier (:Y) in substitution",
      "${PWD:#x}        | unsupported modifier (:#) in substitution",
      "${PWD:%x}        | unsupported modifier (:%) in substitution",
      "${XXX?}          | XXX: is not allowed to be unset",
      "${XXX:?}         | XXX: is not allowed to be unset",
      "${NULL:?}        | NULL: is not allowed to be empty",
      "${NULL:?oops $PWD} | NULL: oops /home",
      "${XXX?need it}   | XXX: need it",
      "${PWD#$P}        | invalid pattern (ab\\) in substitution: invalid escape '\\\uFFFD'",
      "${PWD%$P}        | invalid pattern (\\ba) in substitution: invalid escape '\\b'",
      "${PWD/\\x/y}     | invalid pattern (\\x) in substitution: invalid escape '\\x'",
  })
  void reasons(String word, String reason) {
    assertEquals(reason, failure(word).reason());
  }

  @Test
  void unterminatedQuotes() {
    assertEquals("unexpected end of statement while looking for matching single-quote", failure("he'llo").reason());
    assertEquals("unexpected end of statement while looking for matching double-quote",
        failure("\"hello\\\"").reason());
  }

  @Test
  void unclosedBraceAfterNameReportsTheEndAsModifier() {
    assertEquals("unsupported modifier (\uFFFD) in substitution", failure("he${PWD").reason());
  }

  @Test
  void messageQuotesTheWordLikeGo() {
    ShellExpansionException e = failure("a\t\"b");
    assertEquals("a\t\"b", e.source());
    assertEquals("failed to process \"a\\t\\\"b\": unexpected end of statement while looking for matching"
        + " double-quote", e.getMessage());
    assertEquals("failed to process \"${}\": syntax error: bad substitution", failure("${}").getMessage());
  }

  @Test
  void skipUnsetEnvStillReportsSyntaxErrors() {
    ShellLexer skip = LEXER.withSkipUnsetEnv(true);
    assertEquals("${X?msg}", skip.processWord("${X?msg}", ENV));
    ShellExpansionException e =
        assertThrows(ShellExpansionException.class, () -> skip.processWord("${X:-a", ENV));
    assertEquals("syntax error: missing '}'", e.reason());
  }
}
