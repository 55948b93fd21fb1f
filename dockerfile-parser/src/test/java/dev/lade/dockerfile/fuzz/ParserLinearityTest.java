package dev.lade.dockerfile.fuzz;

import static dev.lade.dockerfile.fuzz.Shapes.continued;
import static dev.lade.dockerfile.fuzz.Shapes.utf8;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Parse, dump and typed conversion take time linear in the input, for each way a Dockerfile can
 * grow; so does the linter, whose stage evaluation keeps every ENV and ARG in scope.
 */
class ParserLinearityTest {
  private static final String FROM = "FROM alpine\n";
  private static final int N = 2_000;
  /** The linter does far more per instruction than the parser: a smaller start keeps the test fast. */
  private static final int LINTED_N = 200;

  @Test
  void manyInstructions() {
    repeated("instructions", i -> "# step\nRUN echo " + i + " \\\n  && true\nENV K" + i + "=v\n");
    repeated("ONBUILD triggers", i -> "ONBUILD COPY --from=b /a" + i + " /b\n");
    repeated("blank and comment lines", i -> "\n# c " + i + "\n\n");
    repeated("stages", i -> "FROM alpine AS s" + i + "\nCOPY --from=s" + i + " /a /a\n");
  }

  @Test
  void lintedVariables() {
    Linearity.check("ENV and ARG lines, linted", LINTED_N, n -> {
      StringBuilder sb = new StringBuilder("ARG BASE=alpine\nFROM $BASE\n");
      for (int i = 0; i < n; i++) sb.append("ENV K").append(i).append("=$K").append(i / 2).append("\nARG A").append(i).append('\n');
      return utf8(sb.append("RUN echo $K0 $A1\n").toString());
    }, ParserTarget::run);
    Linearity.check("one ENV of many pairs, linted", LINTED_N,
        n -> utf8(FROM + continued("ENV " + "K=\"v $K\" ".repeat(n))), ParserTarget::run);
  }

  @Test
  void oneGrowingInstruction() {
    grown("continuation lines", n -> FROM + "RUN true \\\n" + "  && echo 'x' \"y\" \\\n".repeat(n) + "  && true\n");
    grown("JSON strings", n -> FROM + continued("CMD [" + "\"abc\\u00e9\", ".repeat(n) + "\"end\"]"));
    grown("ARG words", n -> FROM + continued("ARG " + "a=1 'b c' ".repeat(n)));
    grown("ENV pairs", n -> FROM + continued("ENV " + "K=\"v w\" ".repeat(n)));
    grown("mount flags", n -> FROM + continued("RUN " + "--mount=type=cache,target=/c ".repeat(n) + "true"));
    grown("EXPOSE ports", n -> FROM + continued("EXPOSE " + "80/tcp ".repeat(n)));
  }

  @Test
  void heredocs() {
    grown("heredoc lines", n -> FROM + "RUN <<EOF cat\n" + "\tline $x\n".repeat(n) + "EOF\n");
    grown("heredocs on one RUN", n -> {
      StringBuilder open = new StringBuilder(FROM).append("RUN");
      StringBuilder bodies = new StringBuilder();
      for (int i = 0; i < n; i++) {
        open.append(" <<-E").append(i);
        bodies.append("\tbody\n\tE").append(i).append('\n');
      }
      return continued(open.toString()) + bodies;
    });
    grown("unterminated heredoc", n -> FROM + "RUN <<EOF\n" + "line\n".repeat(n));
  }

  /** A Dockerfile of FROM and then {@code n} units. */
  private static void repeated(String shape, IntFunction<String> unit) {
    Linearity.check(shape, N, n -> {
      StringBuilder sb = new StringBuilder(FROM);
      for (int i = 0; i < n; i++) sb.append(unit.apply(i));
      return utf8(sb.toString());
    }, ParserTarget::convert);
  }

  /** A Dockerfile built for size {@code n}. */
  private static void grown(String shape, IntFunction<String> dockerfile) {
    Linearity.check(shape, N, n -> utf8(dockerfile.apply(n)), ParserTarget::convert);
  }
}
