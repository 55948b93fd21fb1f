package dev.lade.dockerfile.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The substitution forms, with the examples of Docker's "Environment replacement" reference where it has some. */
class ShellLexerTest {
  private static final ShellLexer LEXER = new ShellLexer('\\');

  private static String expand(String word, Map<String, String> vars) {
    return LEXER.processWord(word, Env.of(vars));
  }

  @Test
  void docsExampleWorkdirAddCopy() {
    Map<String, String> env = Map.of("FOO", "/bar");
    assertEquals("/bar", expand("${FOO}", env));
    assertEquals("/bar", expand("$FOO", env));
    assertEquals("$FOO", expand("\\$FOO", env));
    assertEquals("${FOO}", expand("\\${FOO}", env));
  }

  @Test
  void defaultValue() {
    assertEquals("value", expand("${variable:-word}", Map.of("variable", "value")));
    assertEquals("word", expand("${variable:-word}", Map.of()));
    assertEquals("word", expand("${variable:-word}", Map.of("variable", "")));
    assertEquals("", expand("${variable-word}", Map.of("variable", "")));
    assertEquals("word", expand("${variable-word}", Map.of()));
  }

  @Test
  void alternativeValue() {
    assertEquals("word", expand("${variable:+word}", Map.of("variable", "value")));
    assertEquals("", expand("${variable:+word}", Map.of()));
    assertEquals("", expand("${variable:+word}", Map.of("variable", "")));
    assertEquals("word", expand("${variable+word}", Map.of("variable", "")));
    assertEquals("", expand("${variable+word}", Map.of()));
  }

  @Test
  void requiredValue() {
    assertEquals("plain", expand("${VAR:?message here$ARG}", Map.of("VAR", "plain", "ARG", "x")));
    assertEquals("", expand("${VAR?message here$ARG}", Map.of("VAR", "", "ARG", "x")));
  }

  /** Docker's reference: {@code str=foobarbaz}. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "${str#f*b}       | arbaz",
      "${str##f*b}      | az",
      "${str%b*}        | foobar",
      "${str%%b*}       | foo",
      "${str/ba/fo}     | fooforbaz",
      "${str//ba/fo}    | fooforfoz",
  })
  void docsPatternExamples(String word, String expected) {
    assertEquals(expected, expand(word, Map.of("str", "foobarbaz")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', emptyValue = "", value = {
      "${path#*/}   | usr/local/bin",
      "${path##*/}  | bin",
      "${path%/*}   | /usr/local",
      "${path%%/*}  | ''",
      "${path#/usr} | /local/bin",
      "${path%bin}  | /usr/local/",
      "${path#x*}   | /usr/local/bin",
      "${path/?/_}  | _usr/local/bin",
      "${path//?/_} | ______________",
      "${path//\\//:} | :usr:local:bin",
  })
  void pathPatterns(String word, String expected) {
    assertEquals(expected, expand(word, Map.of("path", "/usr/local/bin")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "${FOO#()[]{\\}^$.\\*\\?|\\\\} ; ()[]{}^$.*?|\\x ; x",
      "${FOO%%\\**}                  ; xx**            ; xx",
      "${FOO#*x*y}                   ; xxyy            ; y",
      "${FOO#*}                      ; xxyy            ; xxyy",
      "${FOO##*x}                    ; xxyy            ; yy",
      "${FOO#?\\?}                   ; ???y            ; ?y",
      "${FOO%%\\**\\*}               ; a***yy*         ; a",
      "${FOO%}                       ; xxyy            ; xxyy",
      "${FOO///}                     ; xxyy            ; xxyy",
      "${FOO//\\//\\/}               ; /tmp/foo.txt    ; \\/tmp\\/foo.txt",
  })
  void globEscapesAndEdges(String word, String value, String expected) {
    assertEquals(expected, expand(word, Map.of("FOO", value)));
  }

  @Test
  void patternsFromVariables() {
    assertEquals("/foo.*/*.txt - /foo..*.txt",
        expand("${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", Map.of("FOO", "/foo*/*/*.txt", "NEEDLE", "\\*/")));
    assertEquals("https://google.de", expand("${FOO/$NEEDLE/$REPLACEMENT}",
        Map.of("FOO", "http://google.de", "NEEDLE", "http://", "REPLACEMENT", "https://")));
    assertEquals("wwxxyy", expand("${FOO/$BAR/ww}", Map.of("FOO", "xxyy", "BAR", "")));
    assertEquals("-x-x-y-y-", expand("${FOO//$BAR/-}", Map.of("FOO", "xxyy", "BAR", "")));
    // A pattern word that starts with the operator after expansion still means "longest".
    assertEquals("yy", expand("${FOO#$P}", Map.of("FOO", "xxyy", "P", "#*x")));
  }

  @Test
  void wildcardsDoNotMatchNewlines() {
    Map<String, String> env = Map.of("FOO", "a\nb/c/d");
    assertEquals("a\nb/c/d", expand("${FOO#*/}", env));
    assertEquals("c/d", expand("${FOO#a\nb/}", env));
    assertEquals("a\nb/c", expand("${FOO%/*}", env));
    assertEquals("a\n_/c/d", expand("${FOO/?\\//_/}", env));
  }

  @Test
  void replaceAllExpandsGoTemplateButReplaceFirstDoesNot() {
    Map<String, String> env = Map.of("FOO", "foo");
    assertEquals("f<o><o>", expand("${FOO//o/<'$0'>}", env));
    assertEquals("f$0o", expand("${FOO/o/'$0'}", env));
    assertEquals("f$$", expand("${FOO//o/'$$'}", env));
    assertEquals("f", expand("${FOO//o/'$1'}", env));
  }

  @Test
  void nestedSubstitutions() {
    Map<String, String> env = Map.of("PWD", "/home", "SHELL", "bash");
    assertEquals("/home", expand("${XXX:-${PWD:-yyy}}", env));
    assertEquals("bash", expand("${PWD:+${SHELL}}", env));
    assertEquals("home", expand("${PWD#${XXX:-/}}", env));
    assertEquals("/h_me", expand("${PWD/${XXX:-o}/${YYY:-_}}", env));
  }

  /** A replacement that matches once is written around the nested text; one that matches twice or not at all is not. */
  @Test
  void replacementsInsideReplacements() {
    Map<String, String> env = Map.of("path", "/usr/local/bin", "D", "$$");
    assertEquals("</usr/L>usr/local/bin", expand("${path/\\//<${path/l*/L}>}", env));
    assertEquals("/usr/x/y/local/bin/bin", expand("${path//local/x${path//usr/y}}", env));
    assertEquals("/usr/local/$", expand("${path//bin/${D}}", env));
    assertEquals("/usr/local/[bin|in]", expand("${path//bin/['$0'|${path//*b/}]}", env));
    assertEquals("-/-u-s-r-/-l-o-c-a-l-/-b-i-n-", expand("${path//${D:+}/-}", env));
    assertEquals("/usr/local/bin", expand("${path/x/${path/\\//y}}", env));
  }

  @Test
  void specialAndPositionalParametersAreNeverSet() {
    assertEquals("aaa", expand("$999aaa", Map.of()));
    assertEquals("@@", expand("$@@@", Map.of()));
    assertEquals("bbb", expand("${#:-bbb}", Map.of()));
    assertEquals("x", expand("$0x", Map.of()));
    assertEquals("$.", expand("$.", Map.of()));
    assertEquals("a$", expand("a$", Map.of()));
  }

  @Test
  void quotesAndEscapes() {
    Map<String, String> env = Map.of("PWD", "/home");
    assertEquals("abctdef", expand("abc\\tdef", env));
    assertEquals("abc\\tdef", expand("\"abc\\tdef\"", env));
    assertEquals("he'/home'", expand("\"he'$PWD'\"", env));
    assertEquals("$PWD", expand("'$PWD'", env));
    assertEquals("hello", expand("hello\\", env));
    assertEquals("}", expand("${aaa}}", env));
    assertEquals("a b", expand("a b", env));
  }

  @Test
  void nonAsciiNamesAndValues() {
    assertEquals("안녕한국어", expand("안녕$KOREAN", Map.of("KOREAN", "한국어")));
    assertEquals("ü!", expand("$ÄÖ!", Map.of("ÄÖ", "ü")));
    assertEquals("👽", expand("${X%🚀}", Map.of("X", "👽🚀")));
    assertEquals("🚀", expand("${X#?}", Map.of("X", "👽🚀")));
  }

  @Test
  void byteOrderMarkAtTheStartIsSkippedLikeGosTextScanner() {
    assertEquals("bar", expand("\uFEFF$FOO", Map.of("FOO", "bar")));
    assertEquals("a\uFEFFbar", expand("a\uFEFF$FOO", Map.of("FOO", "bar")));
  }
}
