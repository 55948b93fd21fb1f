package dev.lade.oci.layer;

import java.nio.charset.StandardCharsets;

/** One 512-byte tar block and the field layout of USTAR headers. */
final class TarBlock {
  static final int SIZE = 512;
  static final int NAME = 0, NAME_LEN = 100;
  static final int MODE = 100, UID = 108, GID = 116, NUMERIC_LEN = 8;
  static final int FILE_SIZE = 124, MTIME = 136, LONG_NUMERIC_LEN = 12;
  static final int CHECKSUM = 148;
  static final int TYPE = 156;
  static final int LINK = 157;
  static final int MAGIC = 257, VERSION = 263;
  static final int UNAME = 265, GNAME = 297, OWNER_NAME_LEN = 32;
  static final int DEV_MAJOR = 329, DEV_MINOR = 337;
  static final int PREFIX = 345, PREFIX_LEN = 155;

  private TarBlock() {}

  /** Whether {@code value} fits in an octal field of {@code length} bytes with a NUL, as Go checks. */
  static boolean fitsOctal(int length, long value) {
    int bits = (length - 1) * 3;
    return value >= 0 && (length >= 22 || value < (1L << bits));
  }

  /** Go's formatOctal: zero-padded digits then NUL; a value that does not fit is written as 0. */
  static void putOctal(byte[] block, int offset, int length, long value) {
    String digits = Long.toOctalString(fitsOctal(length, value) ? value : 0);
    putString(block, offset, length, "0".repeat(Math.max(0, length - digits.length() - 1)) + digits);
  }

  /** Go's formatString: copies what fits, NUL-terminating when there is room. */
  static void putString(byte[] block, int offset, int length, String value) {
    putBytes(block, offset, length, value.getBytes(StandardCharsets.UTF_8));
  }

  static void putBytes(byte[] block, int offset, int length, byte[] bytes) {
    int n = Math.min(bytes.length, length);
    System.arraycopy(bytes, 0, block, offset, n);
    if (n < length) block[offset + n] = 0;
  }

  /** Sets the USTAR magic and the checksum, which is the last step of building a header. */
  static void seal(byte[] block) {
    System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, block, MAGIC, 6);
    block[VERSION] = '0';
    block[VERSION + 1] = '0';
    putOctal(block, CHECKSUM, 7, checksum(block));
    block[CHECKSUM + 7] = ' ';
  }

  /** The unsigned sum of the block's bytes with the checksum field read as spaces. */
  static long checksum(byte[] block) {
    long sum = 0;
    for (int i = 0; i < SIZE; i++) {
      sum += (i >= CHECKSUM && i < CHECKSUM + 8) ? ' ' : block[i] & 0xff;
    }
    return sum;
  }

  /** Drops the non-ASCII characters, as Go does for the ASCII-only fields of a PAX header. */
  static String toAscii(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().filter(c -> c < 0x80).forEach(b::appendCodePoint);
    return b.toString();
  }

  static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c < 0x80);
  }

  static int padding(long size) {
    return (int) ((SIZE - size % SIZE) % SIZE);
  }
}
