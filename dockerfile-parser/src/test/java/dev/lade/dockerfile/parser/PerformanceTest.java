package dev.lade.dockerfile.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Parsing is linear in the input: a megabyte takes well under a second. The limits are generous
 * (other builds may share the machine) yet far below what a quadratic step would need on 1 MB.
 */
class PerformanceTest {
  private static final int MB = 1 << 20;
  private static final Duration LIMIT = Duration.ofSeconds(10);

  @Test
  void aHugeSingleLineFailsAfterReadingOnly64KiB() {
    int[] read = {0};
    InputStream endless = new InputStream() {
      @Override public int read() {
        read[0]++;
        return 'a';
      }
    };
    DockerfileParseException e = assertThrows(DockerfileParseException.class, () -> Parser.parse(endless));
    assertEquals("dockerfile line greater than max allowed size of 65535", e.reason());
    assertEquals(1, e.line());
    assertEquals(LineReader.MAX_LINE_BYTES + 1, read[0]);
  }

  @Test
  void aMegabyteOnOneLineFailsFast() {
    byte[] line = ("RUN " + "a".repeat(MB)).getBytes(StandardCharsets.UTF_8);
    assertTimeoutPreemptively(LIMIT, () -> assertThrows(DockerfileParseException.class, () -> Parser.parse(line)));
  }

  @Test
  void aMegabyteOfShortInstructions() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes("FROM alpine\n"));
    int n = 0;
    while (out.size() < MB) {
      out.writeBytes(bytes("# step " + n + "\nRUN echo " + n + " \\\n  && true\nENV K" + n + "=v\n"));
      n++;
    }
    int instructions = 1 + 2 * n;
    assertTimeoutPreemptively(LIMIT, () -> {
      ParseResult r = Parser.parse(out.toByteArray());
      assertEquals(instructions, r.root().children().size());
      assertEquals(instructions, Dump.dump(r.root()).lines().count());
    });
  }

  @Test
  void aMegabyteLogicalLineJoinedFromContinuations() {
    String body = "  && echo 'some words' \"and more\" \\\n".repeat(MB / 36);
    byte[] df = bytes("FROM alpine\nRUN --mount=type=cache,target=/c true \\\n" + body + "  && true\n");
    assertTimeoutPreemptively(LIMIT, () -> {
      Node run = Parser.parse(df).root().children().get(1);
      assertEquals(1, run.args().size());
      assertEquals(true, Dump.dump(run).length() > MB);
    });
  }

  @Test
  void aMegabyteJsonArrayAndWordList() {
    String json = "CMD [" + "\"abc\", ".repeat(MB / 7) + "\"end\"]\n";
    String words = "ARG " + "a=1 'b c' ".repeat(MB / 10) + "\n";
    assertTimeoutPreemptively(LIMIT, () -> {
      ParseResult r = Parser.parse(bytes(join(json) + join(words)));
      assertEquals(MB / 7 + 1, r.root().children().get(0).args().size());
      assertEquals(2 * (MB / 10), r.root().children().get(1).args().size());
    });
  }

  @Test
  void aMegabyteHeredoc() {
    String df = "FROM alpine\nRUN <<EOF cat > /f && <<-EOT cat > /g\n" + "\tline of text\n".repeat(MB / 26) + "EOF\n"
        + "\tline of text\n".repeat(MB / 26) + "\tEOT\n";
    assertTimeoutPreemptively(LIMIT, () -> {
      Node run = Parser.parse(bytes(df)).root().children().get(1);
      assertEquals(2, run.heredocs().size());
      assertEquals("line of text\n".repeat(MB / 26), run.heredocs().get(1).content());
    });
  }

  /** Spreads a long instruction over 1000-character continuation lines, to stay under the line limit. */
  private static String join(String instruction) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < instruction.length(); i += 1000) {
      String part = instruction.substring(i, Math.min(instruction.length(), i + 1000));
      sb.append(part);
      if (i + 1000 < instruction.length()) sb.append("\\\n");
    }
    return sb.toString();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
