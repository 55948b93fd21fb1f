package dev.lade.buildkit.fs.archive.xz;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * LZMA2, the chunked container of LZMA in an xz block: each chunk is stored or LZMA-compressed,
 * and may reset the dictionary, the state or the LZMA properties; a 0 control byte ends it.
 */
final class Lzma2Decoder {
  private static final int MAX_PROPERTIES = (4 * 5 + 4) * 9 + 8;

  private final DataInputStream in;
  private final LzWindow window;
  private final RangeDecoder rc = new RangeDecoder();
  private LzmaDecoder lzma;
  private int chunkLeft;
  private boolean compressed;
  private boolean needDictionaryReset = true;
  private boolean needProperties = true;
  private boolean ended;
  private long compressedSize;

  /**
   * @param dictionarySize from the filter's property byte
   * @param in positioned at the first chunk; read up to the end marker and no further
   */
  Lzma2Decoder(DataInputStream in, int dictionarySize) {
    this.in = in;
    this.window = new LzWindow(dictionarySize);
  }

  /** The bytes read so far, chunk headers included: the block's compressed size once ended. */
  long compressedSize() {
    return compressedSize;
  }

  /** Decodes up to {@code length} bytes into {@code out}; -1 after the end marker. */
  int read(byte[] out, int offset, int length) throws IOException {
    if (length == 0) return 0;
    int total = 0;
    while (length > 0) {
      if (chunkLeft == 0) {
        if (!ended) nextChunk();
        if (ended) return total == 0 ? -1 : total;
      }
      int max = Math.min(chunkLeft, length);
      if (compressed) {
        window.limit(max);
        lzma.decode();
      } else {
        compressedSize += window.copyStored(in, max);
      }
      int count = window.flush(out, offset);
      offset += count;
      length -= count;
      total += count;
      chunkLeft -= count;
      if (chunkLeft == 0 && compressed && (!rc.finished() || window.hasPending())) {
        throw new CorruptXzException("LZMA chunk size does not match its data");
      }
    }
    return total;
  }

  private void nextChunk() throws IOException {
    int control = in.readUnsignedByte();
    compressedSize++;
    if (control == 0x00) {
      ended = true;
      return;
    }
    if (control >= 0xE0 || control == 0x01) {
      needProperties = true;
      needDictionaryReset = false;
      window.reset();
    } else if (needDictionaryReset) {
      throw new CorruptXzException("first LZMA2 chunk does not reset the dictionary");
    }
    if (control < 0x80) {
      if (control > 0x02) throw new CorruptXzException("LZMA2 control byte " + control);
      compressed = false;
      chunkLeft = in.readUnsignedShort() + 1;
      compressedSize += 2;
      return;
    }
    compressed = true;
    chunkLeft = ((control & 0x1F) << 16) + in.readUnsignedShort() + 1;
    int packed = in.readUnsignedShort() + 1;
    compressedSize += 4 + packed;
    if (control >= 0xC0) {
      needProperties = false;
      lzma = decoder(in.readUnsignedByte());
      compressedSize++;
    } else if (needProperties) {
      throw new CorruptXzException("LZMA2 chunk without properties");
    } else if (control >= 0xA0) {
      lzma.reset();
    }
    rc.start(in, packed);
  }

  private LzmaDecoder decoder(int properties) throws CorruptXzException {
    if (properties > MAX_PROPERTIES) throw new CorruptXzException("LZMA properties " + properties);
    int pb = properties / (9 * 5);
    properties -= pb * 9 * 5;
    int lp = properties / 9;
    int lc = properties - lp * 9;
    if (lc + lp > 4) throw new CorruptXzException("LZMA2 lc + lp above 4");
    return new LzmaDecoder(window, rc, lc, lp, pb);
  }
}
