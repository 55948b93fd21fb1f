package dev.lade.buildkit.fs.archive.xz;

import dev.lade.buildkit.fs.archive.UnsupportedArchiveException;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Decompresses the xz format (tukaani.org/xz/xz-file-format.txt) as a stream: concatenated
 * streams and stream padding, blocks of LZMA2 (the filter {@code xz} uses unless told otherwise),
 * each header's CRC32 and each block's check verified. Other filters (BCJ, delta) are refused.
 */
public final class XzInputStream extends InputStream {
  private static final byte[] MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
  private static final int LZMA2 = 0x21;

  private final DataInputStream in;
  private final byte[] one = new byte[1];
  private XzCheck check;
  private Lzma2Decoder block;
  private long indexSize;
  private long blocks;
  private boolean ended;

  /** @param in positioned at the stream's magic bytes */
  public XzInputStream(InputStream in) throws IOException {
    this.in = new DataInputStream(in);
    byte[] header = new byte[12];
    this.in.readFully(header);
    streamHeader(header);
  }

  @Override
  public int read() throws IOException {
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] out, int offset, int length) throws IOException {
    while (!ended) {
      if (block == null && !nextBlock()) continue;
      int count = block.read(out, offset, length);
      if (count > 0) {
        check.update(out, offset, count);
        return count;
      }
      if (count == 0) return 0;
      endBlock();
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** The 12 bytes of a stream header: magic, flags naming the check, their CRC32. */
  private void streamHeader(byte[] header) throws IOException {
    if (!Arrays.equals(header, 0, 6, MAGIC, 0, 6)) throw new CorruptXzException("not an xz stream");
    if (header[6] != 0 || (header[7] & 0xF0) != 0) throw new CorruptXzException("unknown stream flags");
    if (crc32(header, 6, 2) != littleEndianInt(header, 8)) throw new CorruptXzException("stream header CRC32");
    check = XzCheck.of(header[7] & 0x0F);
  }

  /** Starts the next block; false when the stream's index came instead (then the stream has ended). */
  private boolean nextBlock() throws IOException {
    int first = in.readUnsignedByte();
    if (first == 0) {
      indexAndFooter();
      return false;
    }
    byte[] header = new byte[(first + 1) * 4];
    header[0] = (byte) first;
    in.readFully(header, 1, header.length - 1);
    int end = header.length - 4;
    if (crc32(header, 0, end) != littleEndianInt(header, end)) throw new CorruptXzException("block header CRC32");
    int flags = header[1] & 0xFF;
    if ((flags & 0x3C) != 0) throw new CorruptXzException("unknown block flags");
    VarInts fields = new VarInts(header, 2, end);
    if ((flags & 0x40) != 0) fields.next(); // compressed size: the data says where it ends
    if ((flags & 0x80) != 0) fields.next(); // uncompressed size: the check covers the data
    int filters = (flags & 0x03) + 1;
    long filter = fields.next();
    long propertiesSize = fields.next();
    if (filters != 1 || filter != LZMA2) {
      throw new UnsupportedArchiveException("xz archives with filters other than LZMA2 (filter 0x"
          + Long.toHexString(filter) + (filters > 1 ? " and " + (filters - 1) + " more" : "") + ")");
    }
    if (propertiesSize != 1) throw new CorruptXzException("LZMA2 properties of " + propertiesSize + " bytes");
    int dictionary = fields.nextByte();
    if (dictionary > 40) throw new CorruptXzException("LZMA2 dictionary size " + dictionary);
    fields.requireZeros();
    int size = dictionary == 40 ? Integer.MAX_VALUE - 64 : (2 | (dictionary & 1)) << (dictionary / 2 + 11);
    block = new Lzma2Decoder(in, size);
    blocks++;
    return true;
  }

  private void endBlock() throws IOException {
    in.skipNBytes((4 - block.compressedSize() % 4) % 4); // block padding
    byte[] stored = new byte[check.size()];
    in.readFully(stored);
    byte[] expected = check.finish();
    if (expected != null && !Arrays.equals(stored, expected)) throw new CorruptXzException("block check mismatch");
    block = null;
  }

  /**
   * Reads the index (its record count checked against the blocks read, its CRC32 verified) and the
   * footer, then stream padding and the next stream's header, if any.
   */
  private void indexAndFooter() throws IOException {
    indexSize = 1;
    CRC32 crc = new CRC32();
    crc.update(0); // the index indicator, read already
    long records = varInt(crc);
    if (records != blocks) throw new CorruptXzException("index lists " + records + " blocks, the stream has " + blocks);
    for (long i = 0; i < records; i++) {
      varInt(crc); // unpadded size
      varInt(crc); // uncompressed size
    }
    for (long i = indexSize; i % 4 != 0; i++) {
      int padding = in.readUnsignedByte();
      if (padding != 0) throw new CorruptXzException("index padding");
      crc.update(padding);
    }
    byte[] stored = new byte[4];
    in.readFully(stored);
    if (crc.getValue() != littleEndianInt(stored, 0)) throw new CorruptXzException("index CRC32");
    byte[] footer = new byte[12];
    in.readFully(footer);
    if (footer[10] != 'Y' || footer[11] != 'Z') throw new CorruptXzException("stream footer magic");
    if (crc32(footer, 4, 6) != littleEndianInt(footer, 0)) throw new CorruptXzException("stream footer CRC32");
    blocks = 0;
    int next;
    do {
      next = in.read();
      if (next == -1) {
        ended = true;
        return;
      }
    } while (next == 0 && skipPadding());
    byte[] header = new byte[12];
    header[0] = (byte) next;
    in.readFully(header, 1, header.length - 1);
    streamHeader(header);
  }

  /** Stream padding comes in groups of four zero bytes; one was read already. */
  private boolean skipPadding() throws IOException {
    byte[] rest = new byte[3];
    in.readFully(rest);
    if (rest[0] != 0 || rest[1] != 0 || rest[2] != 0) throw new CorruptXzException("stream padding");
    return true;
  }

  /** A variable-length integer of the index, its bytes added to {@code crc} and counted. */
  private long varInt(CRC32 crc) throws IOException {
    long value = 0;
    for (int i = 0; i < 9; i++) {
      int b = in.readUnsignedByte();
      crc.update(b);
      indexSize++;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) return value;
    }
    throw new CorruptXzException("variable-length integer too long");
  }

  private static long crc32(byte[] data, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(data, offset, length);
    return crc.getValue();
  }

  private static long littleEndianInt(byte[] data, int offset) {
    return (data[offset] & 0xFFL) | (data[offset + 1] & 0xFFL) << 8 | (data[offset + 2] & 0xFFL) << 16
        | (data[offset + 3] & 0xFFL) << 24;
  }

  /** The fields of a block header, read from its bytes. */
  private static final class VarInts {
    private final byte[] data;
    private final int end;
    private int position;

    VarInts(byte[] data, int position, int end) {
      this.data = data;
      this.position = position;
      this.end = end;
    }

    long next() throws CorruptXzException {
      long value = 0;
      for (int i = 0; i < 9 && position < end; i++) {
        int b = data[position++] & 0xFF;
        value |= (long) (b & 0x7F) << (7 * i);
        if ((b & 0x80) == 0) return value;
      }
      throw new CorruptXzException("block header field");
    }

    int nextByte() throws CorruptXzException {
      if (position >= end) throw new CorruptXzException("block header ends early");
      return data[position++] & 0xFF;
    }

    void requireZeros() throws CorruptXzException {
      while (position < end) if (data[position++] != 0) throw new CorruptXzException("block header padding");
    }
  }
}
