package dev.lade.buildkit.fs.archive.xz;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;

/**
 * The integrity check an xz stream's flags name, computed over each block's uncompressed data:
 * none, CRC32, CRC64 (ECMA-182) or SHA-256, stored little-endian (SHA-256 as its digest); the
 * reserved kinds are skipped unverified, as xz itself allows.
 */
abstract sealed class XzCheck {
  private static final long CRC64_POLY = 0xC96C5795D7870F42L;
  private static final long[] CRC64_TABLE = new long[256];

  static {
    for (int i = 0; i < 256; i++) {
      long crc = i;
      for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? crc >>> 1 ^ CRC64_POLY : crc >>> 1;
      CRC64_TABLE[i] = crc;
    }
  }

  /** The check of id {@code id} (the low nibble of the stream flags). */
  static XzCheck of(int id) {
    return switch (id) {
      case 0x01 -> new Crc32();
      case 0x04 -> new Crc64();
      case 0x0A -> new Sha256();
      default -> new Unverified(id == 0 ? 0 : 4 << ((id - 1) / 3));
    };
  }

  /** Bytes the check takes after each block. */
  abstract int size();

  abstract void update(byte[] data, int offset, int length);

  /** The value expected after the block, as stored; null when not verified. Starts the next block. */
  abstract byte[] finish();

  static byte[] littleEndian(long value, int bytes) {
    byte[] out = new byte[bytes];
    for (int i = 0; i < bytes; i++) out[i] = (byte) (value >>> (8 * i));
    return out;
  }

  private static final class Crc32 extends XzCheck {
    private final CRC32 crc = new CRC32();

    @Override int size() {
      return 4;
    }

    @Override void update(byte[] data, int offset, int length) {
      crc.update(data, offset, length);
    }

    @Override byte[] finish() {
      byte[] value = littleEndian(crc.getValue(), 4);
      crc.reset();
      return value;
    }
  }

  private static final class Crc64 extends XzCheck {
    private long crc = -1;

    @Override int size() {
      return 8;
    }

    @Override void update(byte[] data, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        crc = CRC64_TABLE[(data[i] ^ (int) crc) & 0xFF] ^ crc >>> 8;
      }
    }

    @Override byte[] finish() {
      byte[] value = littleEndian(~crc, 8);
      crc = -1;
      return value;
    }
  }

  private static final class Sha256 extends XzCheck {
    private final MessageDigest digest;

    Sha256() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }

    @Override int size() {
      return 32;
    }

    @Override void update(byte[] data, int offset, int length) {
      digest.update(data, offset, length);
    }

    @Override byte[] finish() {
      return digest.digest();
    }
  }

  private static final class Unverified extends XzCheck {
    private final int size;

    Unverified(int size) {
      this.size = size;
    }

    @Override int size() {
      return size;
    }

    @Override void update(byte[] data, int offset, int length) {}

    @Override byte[] finish() {
      return null;
    }
  }
}
