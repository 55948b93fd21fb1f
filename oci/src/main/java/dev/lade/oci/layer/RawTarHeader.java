package dev.lade.oci.layer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The fields of one header block as read, before PAX and GNU records are applied. */
record RawTarHeader(
    String name, String linkName, byte type, long mode, long uid, long gid, long size,
    long modTime, long devMajor, long devMinor) {

  /** Parses a header block, checking its checksum. */
  static RawTarHeader parse(byte[] b, long offset) throws IOException {
    long stored = number(b, TarBlock.CHECKSUM, 8, offset);
    if (stored != TarBlock.checksum(b)) throw new IOException("tar header checksum mismatch at offset " + offset);
    String name = string(b, TarBlock.NAME, TarBlock.NAME_LEN);
    boolean ustar = new String(b, TarBlock.MAGIC, 5, StandardCharsets.US_ASCII).equals("ustar");
    if (ustar) {
      String prefix = string(b, TarBlock.PREFIX, TarBlock.PREFIX_LEN);
      if (!prefix.isEmpty()) name = prefix + "/" + name;
    }
    return new RawTarHeader(
        name,
        string(b, TarBlock.LINK, TarBlock.NAME_LEN),
        b[TarBlock.TYPE],
        number(b, TarBlock.MODE, 8, offset),
        number(b, TarBlock.UID, 8, offset),
        number(b, TarBlock.GID, 8, offset),
        number(b, TarBlock.FILE_SIZE, 12, offset),
        number(b, TarBlock.MTIME, 12, offset),
        ustar ? number(b, TarBlock.DEV_MAJOR, 8, offset) : 0,
        ustar ? number(b, TarBlock.DEV_MINOR, 8, offset) : 0);
  }

  static String string(byte[] b, int offset, int length) {
    int end = offset;
    while (end < offset + length && b[end] != 0) end++;
    return new String(b, offset, end - offset, StandardCharsets.UTF_8);
  }

  /** Octal (space or NUL padded), or GNU base-256 when the high bit of the first byte is set. */
  static long number(byte[] b, int offset, int length, long at) throws IOException {
    if ((b[offset] & 0x80) != 0) {
      long value = b[offset] & 0x7f;
      for (int i = 1; i < length; i++) value = (value << 8) | (b[offset + i] & 0xff);
      return value;
    }
    long value = 0;
    boolean digits = false;
    for (int i = offset; i < offset + length; i++) {
      byte c = b[i];
      if (c == 0 || (c == ' ' && digits)) break;
      if (c == ' ') continue;
      if (c < '0' || c > '7') throw new IOException("invalid octal number in tar header at offset " + at);
      value = value * 8 + (c - '0');
      digits = true;
    }
    return value;
  }
}
