package dev.lade.buildkit.fs.archive;

/** Go's {@code archive/tar} header validation: a block is a header when its checksum is right. */
final class TarHeaderCheck {
  private static final int CHECKSUM_OFFSET = 148;
  private static final int CHECKSUM_LENGTH = 8;

  private TarHeaderCheck() {}

  /** Whether {@code block} (512 bytes) is a tar header; an all-zero block (end of archive) is not. */
  static boolean valid(byte[] block) {
    long recorded = parseOctal(block);
    if (recorded < 0) return false;
    long unsigned = 0;
    long signed = 0;
    boolean zero = true;
    for (int i = 0; i < block.length; i++) {
      int b = block[i];
      if (b != 0) zero = false;
      if (i >= CHECKSUM_OFFSET && i < CHECKSUM_OFFSET + CHECKSUM_LENGTH) b = ' ';
      unsigned += b & 0xff;
      signed += (byte) b;
    }
    return !zero && (recorded == unsigned || recorded == signed);
  }

  private static long parseOctal(byte[] block) {
    int i = CHECKSUM_OFFSET;
    int end = CHECKSUM_OFFSET + CHECKSUM_LENGTH;
    while (i < end && (block[i] == ' ' || block[i] == 0)) i++;
    long value = 0;
    int digits = 0;
    for (; i < end && block[i] >= '0' && block[i] <= '7'; i++, digits++) value = value * 8 + (block[i] - '0');
    for (; i < end; i++) if (block[i] != ' ' && block[i] != 0) return -1;
    return digits == 0 ? -1 : value;
  }
}
