package dev.lade.buildkit.fs.archive;

/** The compressions ADD recognises on a local tar archive, by their magic bytes. */
public enum ArchiveFormat {
  TAR,
  GZIP,
  BZIP2,
  XZ,
  ZSTD;

  /** The compression {@code head} (the first bytes of a file) starts with; {@link #TAR} for none. */
  static ArchiveFormat sniff(byte[] head) {
    if (startsWith(head, 0x1f, 0x8b, 0x08)) return GZIP;
    if (startsWith(head, 'B', 'Z', 'h')) return BZIP2;
    if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) return XZ;
    if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) return ZSTD;
    return TAR;
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) return false;
    for (int i = 0; i < magic.length; i++) if ((head[i] & 0xff) != magic[i]) return false;
    return true;
  }
}
