package dev.lade.dockerfile.parser;

import static dev.lade.dockerfile.parser.Parsing.dump;
import static dev.lade.dockerfile.parser.Parsing.first;
import static dev.lade.dockerfile.parser.Parsing.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pitfalls listed in section 3 of the conformance FORMAT.md, and its word-splitting table. */
class FormatPitfallsTest {

  @Test
  void argKeepsQuotesInTheDump() {
    assertEquals("(arg \"abc=\\\"123 456\\\"\" \"def\")", dump("ARG abc=\"123 456\" def"));
  }

  @Test
  void legacyEnvOnlyNeedsTheFirstWordWithoutEquals() {
    assertEquals(List.of("ONE", "TWO= THREE=world", ""), first("ENV ONE TWO= THREE=world").argValues());
  }

  @Test
  void directivesAreCheckedAfterLeadingWhitespace() {
    assertEquals('`', parse("   # escape=`\nFROM a\n").escapeToken());
  }

  @Test
  void heredocSplittingAlwaysUsesBackslash() {
    Node copy = first("# escape=`\nCOPY <<EOF /x\nhello\nEOF\n");
    assertEquals(List.of(new Heredoc("EOF", "hello\n", true, false, 0)), copy.heredocs());
  }

  @Test
  void onlyTheInstructionWordIsLowerCasedWithSimpleCaseMapping() {
    assertEquals("(run \"ECHO İ\")", dump("RUN ECHO İ"));
    // Java's String.toLowerCase would give "i̇" (two chars); Go maps İ to plain i.
    assertEquals("(instruction \"\")", dump("İNSTRUCTION x"));
    // Go's lower-casing also dispatches: the Kelvin sign K lower-cases to k.
    assertEquals("(workdir \"/w\")", dump("WOR\u212ADIR /w"));
  }

  @Test
  void wordSplittingKeepsQuotesAndEscapes() {
    assertEquals(List.of("foo", "bar", "'abc xyz'"), WordSplitter.split("foo bar 'abc xyz'", '\\'));
    assertEquals(List.of("foo\\ bar"), WordSplitter.split("foo\\ bar", '\\'));
    assertEquals(List.of("foo=bar"), WordSplitter.split("foo=bar", '\\'));
    assertEquals(List.of("föo", "bàr", "\"âbc xÿz\""), WordSplitter.split("föo bàr \"âbc xÿz\"", '\\'));
  }

  @Test
  void wordSplittingEdgeCases() {
    assertEquals(List.of("a", "\"\""), WordSplitter.split("a \"\"", '\\'), "an emptied quoted word is kept");
    assertEquals(List.of("a"), WordSplitter.split("a\\", '\\'), "a final escape is dropped");
    assertEquals(List.of("'a\\'b'"), WordSplitter.split("'a\\'b'", '\\'), "no escapes inside single quotes");
    assertEquals(List.of("\"a\\\"b c\""), WordSplitter.split("\"a\\\"b c\"", '\\'));
    assertEquals(List.of("a`", "b"), WordSplitter.split("a`\u3000b", '\\'), "Unicode space separates");
    assertEquals(List.of("a` b"), WordSplitter.split("a` b", '`'));
  }
}
