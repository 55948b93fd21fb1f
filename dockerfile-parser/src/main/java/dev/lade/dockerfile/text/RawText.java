package dev.lade.dockerfile.text;

import java.io.ByteArrayOutputStream;

/**
 * Dockerfile bytes as Java text, without losing bytes that are not valid UTF-8.
 *
 * <p>BuildKit works on Go strings, which are byte strings: a Dockerfile saved as Latin-1 still
 * builds, and its odd bytes reach the shell unchanged. To keep that, {@link #decode} maps each byte
 * that is not part of a valid UTF-8 sequence (by Go's rules) to the unpaired surrogate
 * {@code U+DC00 + byte} (Python's "surrogateescape"); {@link #encode} maps them back. Such chars
 * print as {@code \xNN} in {@link GoQuote}. Valid text is unaffected.
 */
public final class RawText {
  private static final int ESCAPE_BASE = 0xDC00;

  private RawText() {}

  /** Decodes {@code len} bytes from {@code off}; invalid bytes become escape chars. */
  public static String decode(byte[] bytes, int off, int len) {
    StringBuilder sb = new StringBuilder(len);
    int i = off;
    int end = off + len;
    while (i < end) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        sb.append((char) b);
        i++;
        continue;
      }
      int n = validSequenceLength(bytes, i, end);
      if (n == 0) {
        sb.append((char) (ESCAPE_BASE + b));
        i++;
      } else {
        sb.appendCodePoint(codePoint(bytes, i, n));
        i += n;
      }
    }
    return sb.toString();
  }

  /** Decodes a whole array. */
  public static String decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** The original bytes of text made by {@link #decode}: UTF-8, with escape chars restored. */
  public static byte[] encode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isEscapedByte(cp)) {
        out.write(cp - ESCAPE_BASE);
      } else if (GoUnicode.isLoneSurrogate(cp)) {
        writeUtf8(out, 0xFFFD);
      } else {
        writeUtf8(out, cp);
      }
    }
    return out.toByteArray();
  }

  /** Whether {@code cp} stands for a byte that was not valid UTF-8. */
  public static boolean isEscapedByte(int cp) {
    return cp >= ESCAPE_BASE + 0x80 && cp <= ESCAPE_BASE + 0xFF;
  }

  /** The byte an escape char stands for. */
  static int escapedByte(int cp) {
    return cp - ESCAPE_BASE;
  }

  /** Length of the valid UTF-8 sequence at {@code i} (Go's {@code utf8.DecodeRune} rules), or 0. */
  private static int validSequenceLength(byte[] b, int i, int end) {
    int b0 = b[i] & 0xFF;
    int n;
    int lo = 0x80;
    int hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      n = 3;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      n = 4;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return 0;
    }
    if (i + n > end) return 0;
    int b1 = b[i + 1] & 0xFF;
    if (b1 < lo || b1 > hi) return 0;
    for (int k = 2; k < n; k++) {
      int bk = b[i + k] & 0xFF;
      if (bk < 0x80 || bk > 0xBF) return 0;
    }
    return n;
  }

  private static int codePoint(byte[] b, int i, int n) {
    int cp = (b[i] & 0xFF) & (0xFF >> (n + 1));
    for (int k = 1; k < n; k++) cp = (cp << 6) | (b[i + k] & 0x3F);
    return cp;
  }

  private static void writeUtf8(ByteArrayOutputStream out, int cp) {
    if (cp < 0x80) {
      out.write(cp);
    } else if (cp < 0x800) {
      out.write(0xC0 | (cp >> 6));
      out.write(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out.write(0xE0 | (cp >> 12));
      out.write(0x80 | ((cp >> 6) & 0x3F));
      out.write(0x80 | (cp & 0x3F));
    } else {
      out.write(0xF0 | (cp >> 18));
      out.write(0x80 | ((cp >> 12) & 0x3F));
      out.write(0x80 | ((cp >> 6) & 0x3F));
      out.write(0x80 | (cp & 0x3F));
    }
  }
}
