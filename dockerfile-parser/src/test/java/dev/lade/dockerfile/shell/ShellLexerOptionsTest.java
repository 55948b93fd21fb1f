package dev.lade.dockerfile.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lexer options, the escape token, matched/unmatched reporting and word splitting. */
class ShellLexerOptionsTest {
  private static final ShellLexer LEXER = new ShellLexer('\\');
  private static final Env FOO_BAR = Env.of(Map.of("FOO", "bar"));

  @Test
  void rawQuotesKeepsQuoteCharacters() {
    ShellLexer raw = LEXER.withRawQuotes(true);
    assertEquals("\"a bar\" 'c $FOO'", raw.processWord("\"a $FOO\" 'c $FOO'", FOO_BAR));
    assertEquals(List.of("\"a bar\"", "'c $FOO'"), raw.processWords("\"a $FOO\" 'c $FOO'", FOO_BAR));
  }

  @Test
  void rawEscapesKeepsEscapeCharacters() {
    ShellLexer raw = LEXER.withRawEscapes(true);
    assertEquals("a\\ b\\$FOO", raw.processWord("a\\ b\\$FOO", FOO_BAR));
    // Inside double quotes BuildKit writes the escape, then the escaped character (which may be the escape again).
    assertEquals("\\\"\\\\t", raw.processWord("\"\\\"\\t\"", FOO_BAR));
  }

  @Test
  void skipUnsetEnvLeavesReferencesAsWritten() {
    ShellLexer skip = LEXER.withSkipUnsetEnv(true);
    assertEquals("$X ${X} ${X:-d} ${X+bar} ${X/a/b} bar",
        skip.processWord("$X ${X} ${X:-d} ${X+$FOO} ${X/a/b} $FOO", FOO_BAR));
    // BuildKit writes a single '/' back even for the replace-all form.
    assertEquals("${X/a/b}", skip.processWord("${X//a/b}", FOO_BAR));
    assertEquals("bar", skip.processWord("${FOO:-d}", FOO_BAR));
    // The word part is expanded before the variable is found to be unset.
    assertEquals("${X:-bar}", skip.processWord("${X:-$FOO}", FOO_BAR));
  }

  @Test
  void skipProcessQuotesTreatsQuotesAsText() {
    ShellLexer heredoc = LEXER.withSkipProcessQuotes(true);
    assertEquals("echo \"bar\" 'bar' $FOO", heredoc.processWord("echo \"$FOO\" '$FOO' \\$FOO", FOO_BAR));
    assertEquals("it's", heredoc.processWord("it's", FOO_BAR));
  }

  @Test
  void backtickEscapeToken() {
    ShellLexer windows = new ShellLexer('`');
    assertEquals("$FOO", windows.processWord("`$FOO", FOO_BAR));
    assertEquals("C:\\bar\\dir", windows.processWord("C:\\$FOO\\dir", FOO_BAR));
    assertEquals("a\"b", windows.processWord("\"a`\"b\"", FOO_BAR));
    assertEquals("a`b", windows.processWord("\"a`b\"", FOO_BAR));
    assertEquals("a b", windows.processWord("a` b", FOO_BAR));
  }

  @Test
  void reportsMatchedAndUnmatchedVariables() {
    Expansion e = LEXER.process("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}", Env.of(Map.of("FOO", "xxx", "BAR", "")));
    assertEquals("xxx  ccc", e.result());
    assertEquals(Set.of("FOO", "BAR"), e.matched());
    assertEquals(Set.of("BAZ"), e.unmatched());

    Expansion release = LEXER.process(
        "something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz",
        Env.of(Map.of("VERSION", "v1.2.3", "TARGETOS", "linux", "TARGETARCH", "arm")));
    assertEquals("something-v1.2.3.linux-arm.tar.gz", release.result());
    assertEquals(Set.of("TARGETVARIANT"), release.unmatched());
    // The word of ':+' is still expanded, so its variables are looked up too.
    assertEquals(Set.of("VERSION", "TARGETOS", "TARGETARCH"), release.matched());
  }

  @Test
  void unmatchedIncludesNamesInsideDefaults() {
    Expansion e = LEXER.process("${A:-${B}} $1 'not $C'", Env.of(Map.of()));
    assertEquals(Set.of("A", "B", "1"), e.unmatched());
    assertEquals(Set.of(), e.matched());
  }

  @Test
  void wordsSplitOnUnquotedWhitespaceIncludingVariableValues() {
    Env env = Env.of(Map.of("SPACE", "abc  def", "LEADING", "  ab c"));
    assertEquals(List.of("helloabc", "defbye"), LEXER.processWords("hello${SPACE}bye", env));
    assertEquals(List.of("helloabc  defbye"), LEXER.processWords("hello\"${SPACE}\"bye", env));
    assertEquals(List.of("hello", "ab", "cdef"), LEXER.processWords("hello${LEADING}def", env));
    assertEquals(List.of("hello there"), LEXER.processWords("hello\\ there", env));
    assertEquals(List.of(), LEXER.processWords("''  \"\"", env));
    Expansion both = LEXER.process("a  b", env);
    assertEquals("a  b", both.result());
    assertEquals(List.of("a", "b"), both.words());
  }

  @Test
  void nestedDefaultKeepsTheTextBeforeItInWordsMode() {
    assertEquals(List.of("prea", "bpost"), LEXER.processWords("pre${X:-a b}post", FOO_BAR));
    assertEquals(List.of("pre a b"), LEXER.processWords("pre\" ${X:-a b}\"", FOO_BAR));
  }

  @Test
  void heredocMarkerGluesFollowingWhitespaceToTheNextWord() {
    ShellLexer heredocWords = LEXER.withRawQuotes(true).withRawEscapes(true);
    Env none = Env.of(Map.of());
    assertEquals(List.of("RUN", "cat", "<<  EOF", ">", "f"), heredocWords.processWords("RUN cat <<  EOF > f", none));
    assertEquals(List.of("COPY", "<<'A'", "<< \"B\"", "/d"), heredocWords.processWords("COPY <<'A' << \"B\" /d", none));
    assertEquals(List.of("2<<\tX"), heredocWords.processWords("2<<\tX", none));
    // The result string is unaffected.
    assertEquals("cat << EOF", heredocWords.processWord("cat << EOF", none));
  }
}
