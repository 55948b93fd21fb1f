package dev.lade.dockerfile.fuzz;

import static dev.lade.dockerfile.fuzz.Shapes.continued;
import static dev.lade.dockerfile.fuzz.Shapes.utf8;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Parse, dump and typed conversion take time linear in the input, for each way a Dockerfile can
 * grow. (Not the linter: its stage evaluation copies the variables at every ENV and ARG, which is
 * quadratic in their number.)
 */
class ParserLinearityTest {
  private static final String FROM = "FROM alpine\n";
  private static final int N = 2_000;

  @Test
  void manyInstructions() {
    repeated("instructions", i -> "# step\nRUN echo " + i + " \\\n  && true\nENV K" + i + "=v\n");
    repeated("ONBUILD triggers", i -> "ONBUILD COPY --from=b /a" + i + " /b\n");
    repeated("blank and comment lines", i -> "\n# c " + i + "\n\n");
    repeated("stages", i -> "FROM alpine AS s" + i + "\nCOPY --from=s" + i + " /a /a\n");
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
