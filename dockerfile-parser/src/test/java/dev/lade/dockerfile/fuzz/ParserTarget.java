package dev.lade.dockerfile.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.dockerfile.ast.AstJson;
import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.lint.DockerfileLinter;
import dev.lade.dockerfile.lint.LintOptions;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.parser.Dump;
import dev.lade.dockerfile.parser.ParseResult;
import dev.lade.dockerfile.parser.Parser;

/**
 * One input through the whole Dockerfile front end: {@link Parser#parse(byte[])}, then, when that
 * succeeds, {@link Dump#dump} and the typed {@link Dockerfile} conversion, and its JSON rendering
 * (neither rendering may fail).
 * A {@link DockerfileParseException} is an accepted outcome; anything else escapes to the caller.
 * The {@link DockerfileLinter}, which also evaluates the stages (expanding their words), reports
 * every problem in its result, so it may not throw at all.
 */
final class ParserTarget {
  private ParserTarget() {}

  /** How far an input got. */
  enum Outcome { REJECTED_BY_PARSER, REJECTED_BY_AST, CONVERTED }

  /** The input through the linter, then {@link #convert}. */
  static Outcome run(byte[] input) {
    DockerfileLinter.lint(input, LintOptions.defaults()).error().ifPresent(e -> checkWellFormed(e, input));
    return convert(input);
  }

  /** The input through parse, dump and typed conversion. */
  static Outcome convert(byte[] input) {
    ParseResult parsed;
    try {
      parsed = Parser.parse(input);
    } catch (DockerfileParseException e) {
      checkWellFormed(e, input);
      return Outcome.REJECTED_BY_PARSER;
    }
    assertNotNull(Dump.dump(parsed.root()));
    try {
      Dockerfile dockerfile = Dockerfile.from(parsed, input);
      assertNotNull(AstJson.toJson(dockerfile));
      return Outcome.CONVERTED;
    } catch (DockerfileParseException e) {
      checkWellFormed(e, input);
      return Outcome.REJECTED_BY_AST;
    }
  }

  /** A typed error reads as one line and points inside the input (line 0 means unknown). */
  static void checkWellFormed(DockerfileParseException e, byte[] input) {
    assertNotNull(e.getMessage());
    assertFalse(e.getMessage().contains("\n"), () -> "message spans lines: " + e.getMessage());
    int max = lineCount(input);
    assertTrue(e.line() >= 0 && e.line() <= max, () -> "line " + e.line() + " outside 0.." + max + ": " + e.getMessage());
  }

  private static int lineCount(byte[] input) {
    int lines = 1;
    for (byte b : input) if (b == '\n') lines++;
    return lines;
  }
}
