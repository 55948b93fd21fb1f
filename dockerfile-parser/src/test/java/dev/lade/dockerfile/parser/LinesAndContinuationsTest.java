package dev.lade.dockerfile.parser;

import static dev.lade.dockerfile.parser.Parsing.dump;
import static dev.lade.dockerfile.parser.Parsing.failure;
import static dev.lade.dockerfile.parser.Parsing.first;
import static dev.lade.dockerfile.parser.Parsing.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinesAndContinuationsTest {

  @Test
  void stripsAUtf8ByteOrderMarkOnTheFirstLineOnly() {
    assertEquals("(from \"alpine\")", dump("\uFEFFFROM alpine\n"));
    assertEquals('`', parse("\uFEFF# escape=`\nFROM a\n").escapeToken());
    // Elsewhere it is an ordinary character, part of the instruction name.
    assertEquals("(from \"alpine\")\n(\uFEFFrun \"\")", dump("FROM alpine\n\uFEFFRUN x\n"));
  }

  @Test
  void handlesCrlfLineEndings() {
    ParseResult r = parse("FROM alpine\r\nRUN echo a \\\r\n  && echo b\r\nENV A=1\r\n");
    assertEquals("(from \"alpine\")\n(run \"echo a   && echo b\")\n(env \"A\" \"1\" \"=\")", Dump.dump(r.root()));
    assertEquals("RUN echo a   && echo b", r.root().children().get(1).original());
  }

  @Test
  void continuationKeepsIndentationAndTheCharacterBeforeTheEscape() {
    assertEquals("(run \"echo hello   world\")", dump("RUN echo hello \\\n  world\n"));
    assertEquals("(run \"echo helloworld\")", dump("RUN echo hello\\\nworld\n"));
    // Spaces and tabs after the escape still continue.
    assertEquals("(run \"a b\")", dump("RUN a \\ \t\nb\n"));
  }

  @Test
  void aDoubledEscapeDoesNotContinue() {
    assertEquals("(env \"C\" \"trailing\\\\\\\\\" \"\")\n(env \"D\" \"x\" \"\")", dump("ENV C trailing\\\\\nENV D x\n"));
  }

  @Test
  void aLoneEscapeLineContinues() {
    assertEquals("(run \"a b\")", dump("RUN a \\\n\\\nb\n"));
  }

  @Test
  void commentsInsideAContinuationAreSkippedWithoutWarning() {
    ParseResult r = parse("RUN apt-get update \\\n  # install curl\n  && apt-get install -y curl\n");
    assertEquals("(run \"apt-get update   && apt-get install -y curl\")", Dump.dump(r.root()));
    assertEquals(List.of(), r.warnings());
    assertEquals(3, r.root().children().get(0).endLine());
  }

  @Test
  void blankLinesInsideAContinuationAreSkippedWithAWarning() {
    ParseResult r = parse("FROM a\nRUN something \\\n\n    following \\\n  \t\n    more\nRUN x \\\n\nRUN y\n");
    assertEquals("(from \"a\")\n(run \"something     following     more\")\n(run \"x RUN y\")", Dump.dump(r.root()));
    assertEquals(List.of(
        new ParseWarning("Empty continuation line found in: RUN something     following     more", 2, 6),
        new ParseWarning("Empty continuation line found in: RUN x RUN y", 7, 9)), r.warnings());
  }

  @Test
  void endOfInputEndsAContinuation() {
    assertEquals("(from \"a\")\n(run \"something\")", dump("FROM a\nRUN something \\"));
    assertEquals("(from \"a\")\n(run \"something\")", dump("FROM a\nRUN something \\\n\n"));
  }

  @Test
  void linesWithoutFinalNewline() {
    assertEquals("(from \"a\")\n(user \"bob\")", dump("FROM a\nUSER bob"));
  }

  @Test
  void recordsStartAndEndLinesAndTheRootSpan() {
    Node root = parse("\n# c\nFROM a\n\nRUN x \\\n  y \\\n\n  z\nUSER u\n\n# trailing\n").root();
    assertEquals(List.of(3, 5, 9), root.children().stream().map(Node::startLine).toList());
    assertEquals(List.of(3, 8, 9), root.children().stream().map(Node::endLine).toList());
    assertEquals(3, root.startLine());
    assertEquals(9, root.endLine());
  }

  @Test
  void keepsTheJoinedLineAsOriginal() {
    assertEquals("RUN echo hi   there", first("  RUN echo hi \\\n  there\n").original());
  }

  @Test
  void collectsTheCommentsDirectlyBeforeAnInstruction() {
    Node root = parse("# one\n\n# two\nFROM a\nRUN b\n# three\n#\n# four\nUSER c\n  # indented\nWORKDIR /w\n").root();
    assertEquals(List.of("one", "two"), root.children().get(0).comments());
    assertEquals(List.of(), root.children().get(1).comments());
    assertEquals(List.of("four"), root.children().get(2).comments(), "an empty comment line resets");
    // BuildKit drops the line's first character, so an indented comment keeps its #.
    assertEquals(List.of("# indented"), root.children().get(3).comments());
  }

  @Test
  void aFileWithNoInstructionsIsAnError() {
    DockerfileParseException empty = failure("");
    assertEquals("file with no instructions", empty.reason());
    assertEquals(0, empty.line());
    DockerfileParseException comments = failure("# syntax=docker/dockerfile:1\n# just a comment\n\n");
    assertEquals("file with no instructions", comments.reason());
    assertEquals(3, comments.line());
  }

  @Test
  void instructionErrorsReportTheStartLineAndColumn() {
    DockerfileParseException e = failure("FROM a\n\n   ENV \\\n  PATH\n");
    assertEquals("ENV must have two arguments", e.reason());
    assertEquals(3, e.line());
    assertEquals(4, e.column());
    assertEquals("Dockerfile:3:4: ENV must have two arguments", e.getMessage());
    assertEquals("ctx/Dockerfile.dev:3:4: ENV must have two arguments", e.withSource("ctx/Dockerfile.dev").getMessage());
  }

  @Test
  void aLineOfExactly65535BytesIsAccepted() {
    String label = "LABEL a=" + "x".repeat(LineReader.MAX_LINE_BYTES - 8);
    assertEquals(LineReader.MAX_LINE_BYTES, label.length());
    assertEquals(1, parse("FROM a\n" + label + "\n").root().children().get(1).args().size() / 3);
    assertEquals(2, parse("FROM a\n" + label).root().children().size());
  }

  @Test
  void aLongerLineIsAnError() {
    String label = "LABEL a=" + "x".repeat(LineReader.MAX_LINE_BYTES - 7);
    for (String df : List.of("FROM a\n" + label + "\n", "FROM a\n" + label, label + "\nFROM a\n")) {
      DockerfileParseException e = failure(df);
      assertEquals("dockerfile line greater than max allowed size of 65535", e.reason());
      assertEquals(df.startsWith("FROM") ? 2 : 1, e.line());
    }
  }

  @Test
  void theLimitCountsBytesNotCharacters() {
    String value = "é".repeat(32767); // 65534 bytes
    assertEquals("dockerfile line greater than max allowed size of 65535",
        failure("FROM a\nLABEL a=" + value + "\n").reason());
  }
}
