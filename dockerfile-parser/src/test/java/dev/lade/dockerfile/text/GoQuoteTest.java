package dev.lade.dockerfile.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values are what Go's strconv.Quote returns. */
class GoQuoteTest {

  @Test
  void quotesAndBackslashesAreEscaped() {
    assertEquals("\"a\\\"b\\\\c\"", GoQuote.quote("a\"b\\c"));
    assertEquals("\"'\"", GoQuote.quote("'"));
    assertEquals("\"\"", GoQuote.quote(""));
  }

  @Test
  void controlCharactersUseLetterOrHexEscapes() {
    assertEquals("\"\\a\\b\\f\\n\\r\\t\\v\"", GoQuote.quote("\u0007\b\f\n\r\t\u000B"));
    assertEquals("\"\\x00\\x1b\\x7f\"", GoQuote.quote("\u0000\u001B\u007F"));
  }

  @Test
  void printableUnicodeIsCopiedRaw() {
    assertEquals("\"♥ ☃ é 日本 \uD83D\uDE00\"", GoQuote.quote("♥ ☃ é 日本 \uD83D\uDE00"));
    assertEquals("\"a\u0301\"", GoQuote.quote("a\u0301"), "combining marks are printable");
  }

  @Test
  void nonPrintableUnicodeIsEscaped() {
    assertEquals("\"\\u00a0\\u00ad\\u200b\\u2028\\u3000\\ufeff\"", GoQuote.quote("\u00A0\u00AD\u200B\u2028\u3000\uFEFF"));
    assertEquals("\"\\u0085\"", GoQuote.quote("\u0085"));
    assertEquals("\"\\U000e0001\"", GoQuote.quote(new String(Character.toChars(0xE0001))));
    assertEquals("\"\\U0010ffff\"", GoQuote.quote(new String(Character.toChars(0x10FFFF))));
  }

  @Test
  void invalidUtf8BytesAreHexEscapes() {
    assertEquals("\"caf\\xe9\"", GoQuote.quote(RawText.decode(new byte[] {'c', 'a', 'f', (byte) 0xE9})));
    assertEquals("\"\\xed\\xa0\\x80\"", GoQuote.quote(RawText.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
  }

  @Test
  void isPrintFollowsGoCategories() {
    assertTrue(GoQuote.isPrint(' '));
    assertTrue(GoQuote.isPrint('~'));
    assertFalse(GoQuote.isPrint('\u2000'));
    assertFalse(GoQuote.isPrint(0xE000), "private use");
    assertFalse(GoQuote.isPrint(0x0378), "unassigned");
  }
}
