package dev.lade.dockerfile.fuzz;

import static dev.lade.dockerfile.fuzz.ParserTarget.Outcome.CONVERTED;
import static dev.lade.dockerfile.fuzz.ParserTarget.Outcome.REJECTED_BY_AST;
import static dev.lade.dockerfile.fuzz.ParserTarget.Outcome.REJECTED_BY_PARSER;
import static dev.lade.dockerfile.fuzz.Shapes.MB;
import static dev.lade.dockerfile.fuzz.Shapes.continued;
import static dev.lade.dockerfile.fuzz.Shapes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.parser.Parser;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Hostile Dockerfile shapes through parse, dump and typed conversion: deep nesting, megabyte lines,
 * huge counts of lines, continuations, heredocs and flags. Each must finish well within
 * {@link Guard#LIMIT}, on a default-size stack, with a result or {@code DockerfileParseException}.
 */
class ParserAdversarialTest {
  private static final String FROM = "FROM alpine\n";

  @Test
  void tenThousandNestedDefaultsInEnv() {
    String nested = "${a:-".repeat(10_000) + "x" + "}".repeat(10_000);
    assertEquals(CONVERTED, run("ENV with ${a:-...} x10000", FROM + "ENV v=" + nested + "\n"));
    assertEquals(CONVERTED, run("RUN with unclosed ${a:-... x10000", FROM + "RUN echo " + nested.substring(1) + "\n"));
  }

  @Test
  void onbuildChains() {
    assertEquals(REJECTED_BY_AST, run("ONBUILD x16", FROM + "ONBUILD ".repeat(16) + "RUN true\n"));
    assertEquals(REJECTED_BY_PARSER, run("ONBUILD x8000 on one line", FROM + "ONBUILD ".repeat(8_000) + "RUN true\n"));
    assertEquals(REJECTED_BY_PARSER, run("ONBUILD x100000 continued", FROM + continued("ONBUILD ".repeat(100_000) + "RUN true")));
  }

  @Test
  void deepJsonArrays() {
    assertEquals(CONVERTED, run("CMD [[[... x60000 on one line", FROM + "CMD " + "[".repeat(60_000) + "\n"));
    assertEquals(CONVERTED, run("CMD [[[... x100000 continued", FROM + continued("CMD " + "[".repeat(100_000))));
    String closed = "[".repeat(100_000) + "]".repeat(100_000);
    assertEquals(CONVERTED, run("ENTRYPOINT [[...]] x100000 balanced", FROM + continued("ENTRYPOINT " + closed)));
  }

  @Test
  void aMegabyteSingleLineFailsWithTheLineLimit() {
    for (String fill : new String[] {"a", "\\", "\r", "\0", "é"}) {
      byte[] line = utf8("RUN " + fill.repeat(MB / fill.length()));
      DockerfileParseException e = Guard.run("1 MB line of " + Printable.text(fill),
          () -> assertThrows(DockerfileParseException.class, () -> Parser.parse(line)));
      assertEquals("dockerfile line greater than max allowed size of 65535", e.reason());
    }
  }

  @Test
  void aMegabyteOfLines() {
    String line = "RUN echo 'some words' \"and more\" && make -j4 all\n";
    assertEquals(CONVERTED, run("1 MB of RUN lines", FROM + line.repeat(MB / line.length())));
    assertEquals(CONVERTED, run("1 MB of comment lines", FROM + "# c\n".repeat(MB / 4) + "RUN x\n"));
    assertEquals(CONVERTED, run("1 MB of blank lines", "\n".repeat(MB) + FROM));
    assertEquals(REJECTED_BY_PARSER, run("1 MB of CR-LF only", "\r\n".repeat(MB / 2)));
    assertEquals(REJECTED_BY_PARSER, run("1 MB of escape directives", "# escape=`\n".repeat(MB / 11) + FROM));
  }

  @Test
  void aHundredThousandContinuationLines() {
    assertEquals(CONVERTED, run("100000 continuations", FROM + "RUN a \\\n".repeat(100_000) + "b\n"));
    assertEquals(CONVERTED, run("100000 empty continuations", FROM + "RUN a \\\n\n".repeat(100_000) + "b\n"));
    assertEquals(CONVERTED, run("100000 comments in a continuation", FROM + "RUN a \\\n" + "# c\n".repeat(100_000) + "b\n"));
    assertEquals(CONVERTED, run("100000 continuations ending at EOF", FROM + "RUN a \\\n".repeat(100_000)));
  }

  @Test
  void tenThousandHeredocs() {
    StringBuilder one = new StringBuilder(FROM).append("RUN");
    StringBuilder bodies = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      one.append(" <<E").append(i);
      bodies.append("body ").append(i).append("\nE").append(i).append('\n');
    }
    assertEquals(CONVERTED, run("one RUN with 10000 heredocs", continued(one.toString()) + bodies));
    assertEquals(CONVERTED, run("10000 RUNs with a heredoc each", FROM + "RUN <<EOF\nbody\nEOF\n".repeat(10_000)));
    assertEquals(CONVERTED, run("COPY with 10000 heredocs", FROM + continued("COPY " + "<<-E ".repeat(10_000) + "/dst/")
        + "\tx\n\tE\n".repeat(10_000)));
  }

  @Test
  void aHeredocThatNeverEnds() {
    assertEquals(REJECTED_BY_PARSER, run("unterminated heredoc over 1 MB", FROM + "RUN <<EOF\n" + "line\n".repeat(MB / 5)));
    assertEquals(REJECTED_BY_PARSER, run("10000 heredocs, none terminated", FROM + continued("RUN" + " <<EOF".repeat(10_000))));
  }

  @Test
  void manyFlags() {
    assertEquals(CONVERTED, run("RUN with 10000 cache mounts",
        FROM + continued("RUN " + "--mount=type=cache,target=/c ".repeat(10_000) + "true")));
    assertEquals(REJECTED_BY_AST, run("COPY with 10000 unknown flags", FROM + continued("COPY " + "--x ".repeat(10_000) + "a b")));
    assertEquals(CONVERTED, run("RUN with a 100000-field mount",
        FROM + continued("RUN --mount=type=cache,target=/c" + ",uid=0".repeat(100_000) + " true")));
    assertEquals(CONVERTED, run("100000 bare dashes (the first ends the flags)", FROM + continued("RUN " + "-- ".repeat(100_000))));
  }

  @Test
  void longRunsOfEscapes() {
    assertEquals(CONVERTED, run("60000 backslashes", FROM + "RUN " + "\\".repeat(60_000) + "\n"));
    assertEquals(CONVERTED, run("60001 backslashes", FROM + "RUN x" + "\\".repeat(60_001) + "\n"));
    assertEquals(CONVERTED, run("60000 backticks under escape=`", "# escape=`\n" + FROM + "RUN " + "`".repeat(60_000) + "\n"));
    assertEquals(CONVERTED, run("ENV of 100000 escaped quotes", FROM + continued("ENV a=" + "\\\"".repeat(100_000))));
    assertEquals(CONVERTED, run("ARG of 200000 single-quoted words", FROM + continued("ARG " + "'a' ".repeat(200_000))));
  }

  @Test
  void aMegabyteOfRawBytes() {
    byte[] noise = new byte[MB];
    new java.util.Random(7).nextBytes(noise);
    for (int i = 100; i < noise.length; i += 100) noise[i] = '\n'; // short lines, so the line limit does not end it
    byte[] nul = new byte[MB];
    Arrays.fill(nul, (byte) 0);
    run("1 MB of random bytes in short lines", noise);
    assertEquals(REJECTED_BY_PARSER, run("1 MB of NUL", nul));
  }

  private static ParserTarget.Outcome run(String shape, String dockerfile) {
    return run(shape, utf8(dockerfile));
  }

  private static ParserTarget.Outcome run(String shape, byte[] dockerfile) {
    return Guard.run(shape, () -> ParserTarget.run(dockerfile));
  }
}
