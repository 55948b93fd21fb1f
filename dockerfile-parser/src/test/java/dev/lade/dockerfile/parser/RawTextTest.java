package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.RawText;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawTextTest {

  @Test
  void validUtf8DecodesNormally() {
    String s = "FROM alpine # é 日本 \uD83D\uDE00";
    assertEquals(s, RawText.decode(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void invalidBytesSurviveARoundTrip() {
    byte[][] samples = {
        {'a', (byte) 0xE9, 'b'}, // Latin-1 é
        {(byte) 0xC3}, // truncated sequence
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // encoded surrogate
        {(byte) 0xC0, (byte) 0xAF}, // overlong
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
        {(byte) 0xE2, (byte) 0x82, 'x'},
    };
    for (byte[] b : samples) {
      String s = RawText.decode(b);
      assertArrayEquals(b, RawText.encode(s));
      assertEquals(b.length - countAscii(b), s.chars().filter(RawText::isEscapedByte).count());
    }
  }

  @Test
  void rawBytesReachTheNodesAndTheDumpShowsThemAsGoDoes() {
    byte[] df = {'F', 'R', 'O', 'M', ' ', 'a', '\n', 'R', 'U', 'N', ' ', 'e', 'c', 'h', 'o', ' ', (byte) 0xE9, '\n'};
    Node run = Parser.parse(df).root().children().get(1);
    assertArrayEquals(new byte[] {'e', 'c', 'h', 'o', ' ', (byte) 0xE9}, RawText.encode(run.argValues().get(0)));
    assertEquals("(from \"a\")\n(run \"echo \\xe9\")", Dump.dump(Parser.parse(df).root()));
  }

  @Test
  void goDecodersTurnInvalidBytesIntoReplacementCharacters() {
    byte[] df = {'A', 'R', 'G', ' ', 'x', '=', (byte) 0xE9};
    assertEquals("x=\uFFFD", Parser.parse(df).root().children().get(0).argValues().get(0));
  }

  private static long countAscii(byte[] b) {
    long n = 0;
    for (byte x : b) if (x >= 0) n++;
    return n;
  }
}
