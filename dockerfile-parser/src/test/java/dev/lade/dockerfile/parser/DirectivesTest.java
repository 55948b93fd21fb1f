package dev.lade.dockerfile.parser;

import static dev.lade.dockerfile.parser.Parsing.dump;
import static dev.lade.dockerfile.parser.Parsing.failure;
import static dev.lade.dockerfile.parser.Parsing.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectivesTest {

  @Test
  void readsSyntaxEscapeAndCheckAtTheTop() {
    ParseResult r = parse("# syntax=docker/dockerfile:1\n#ESCAPE = `\n# check=skip=JSONArgsRecommended;error=true\nFROM alpine\n");
    Directives d = r.directives();
    assertEquals(Optional.of("docker/dockerfile:1"), d.syntax());
    assertEquals('`', d.escapeToken());
    assertEquals(Optional.of("skip=JSONArgsRecommended;error=true"), d.check());
    assertEquals(List.of(new Directive("syntax", "docker/dockerfile:1", 1), new Directive("escape", "`", 2),
        new Directive("check", "skip=JSONArgsRecommended;error=true", 3)), d.entries());
  }

  @Test
  void defaultsWhenAbsent() {
    Directives d = parse("FROM alpine\n").directives();
    assertEquals(new Directives(Optional.empty(), '\\', Optional.empty(), List.of()), d);
  }

  @Test
  void backtickEscapeContinuesLinesAndLeavesBackslashesAlone() {
    // The Windows example from Docker's Dockerfile reference.
    String df = "# escape=`\n\nFROM microsoft/nanoserver\nCOPY testfile.txt c:\\\nRUN dir c:\\\n";
    assertEquals("(from \"microsoft/nanoserver\")\n(copy \"testfile.txt\" \"c:\\\\\")\n(run \"dir c:\\\\\")", dump(df));
    assertEquals("(from \"image\")\n(run \"a  b\")", dump("# escape=`\nFROM image\nRUN a `\n b\n"));
  }

  @Test
  void directivesAfterABlankLineACommentOrAnInstructionAreComments() {
    assertEquals('\\', parse("\n# escape=`\nFROM a\n").escapeToken());
    assertEquals('\\', parse("# a comment\n# escape=`\nFROM a\n").escapeToken());
    assertEquals('\\', parse("FROM a\n# escape=`\n").escapeToken());
    assertEquals(List.of(), parse("FROM a\n# syntax=x\n").directives().entries());
  }

  @Test
  void anUnknownDirectiveEndsTheDirectives() {
    ParseResult r = parse("# foo=bar\n# escape=`\nFROM a\n");
    assertEquals('\\', r.escapeToken());
    assertEquals(List.of(), r.directives().entries());
  }

  @Test
  void leadingWhitespaceBeforeTheHashIsAllowed() {
    assertEquals('`', parse("   # escape=`\nFROM a\n").escapeToken());
    assertEquals('`', parse("\t#\tescape\t=\t`\t\nFROM a\n").escapeToken());
  }

  @Test
  void repeatedDirectiveIsAnError() {
    DockerfileParseException e = failure("# syntax=a\n  # SYNTAX=b\nFROM a\n");
    assertEquals("only one syntax parser directive can be used", e.reason());
    assertEquals(2, e.line());
    assertEquals(3, e.column());
  }

  @Test
  void invalidEscapeIsAnError() {
    DockerfileParseException e = failure("# escape=x\nFROM a\n");
    assertEquals("invalid escape token 'x' does not match ` or \\", e.reason());
    assertEquals(1, e.line());
    assertEquals("Dockerfile:1:1: invalid escape token 'x' does not match ` or \\", e.getMessage());
  }

  @Test
  void anEmptyValueIsNoDirectiveButWhitespaceOnlyIsOneSpace() {
    // `(.+?)` needs a character: with nothing after `=` the line is a plain comment...
    assertEquals(List.of(), parse("# escape=\nFROM a\n").directives().entries());
    // ...but with only spaces after `=`, Go's regexp gives the last space back as the value.
    assertEquals("invalid escape token ' ' does not match ` or \\", failure("# escape=  \nFROM a\n").reason());
  }

  @Test
  void directiveLinesAreNotNodesOrComments() {
    ParseResult r = parse("# syntax=docker/dockerfile:1\n# about the base\nFROM alpine\n");
    assertEquals(1, r.root().children().size());
    assertEquals(List.of("about the base"), r.root().children().get(0).comments());
  }
}
