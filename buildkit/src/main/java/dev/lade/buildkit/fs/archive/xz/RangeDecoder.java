package dev.lade.buildkit.fs.archive.xz;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * LZMA's range decoder over one LZMA2 chunk's compressed bytes, which LZMA2 gives with their
 * count, so the chunk is read whole and the decoder starts afresh on each.
 */
final class RangeDecoder {
  static final int PROB_BITS = 11;
  static final int PROB_INIT = (1 << PROB_BITS) / 2;
  private static final int MOVE_BITS = 5;
  private static final int TOP_MASK = 0xFF000000;

  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int end;
  private int range;
  private int code;

  /** Reads a chunk of {@code size} compressed bytes and starts decoding them. */
  void start(DataInputStream in, int size) throws IOException {
    if (size < 5) throw new CorruptXzException("LZMA chunk of " + size + " bytes");
    in.readFully(buffer, 0, size);
    if (buffer[0] != 0) throw new CorruptXzException("range coder start byte is not 0");
    code = (buffer[1] & 0xFF) << 24 | (buffer[2] & 0xFF) << 16 | (buffer[3] & 0xFF) << 8 | buffer[4] & 0xFF;
    range = -1;
    position = 5;
    end = size;
  }

  /** Whether the chunk was used up exactly, as a well-formed chunk is. */
  boolean finished() {
    return position == end && code == 0;
  }

  void normalize() throws CorruptXzException {
    if ((range & TOP_MASK) == 0) {
      if (position >= end) throw new CorruptXzException("LZMA chunk ends early");
      code = code << 8 | buffer[position++] & 0xFF;
      range <<= 8;
    }
  }

  /** One bit with the adaptive probability {@code probs[index]}, which it updates. */
  int bit(short[] probs, int index) throws CorruptXzException {
    normalize();
    int prob = probs[index];
    int bound = (range >>> PROB_BITS) * prob;
    if (Integer.compareUnsigned(code, bound) < 0) {
      range = bound;
      probs[index] = (short) (prob + ((1 << PROB_BITS) - prob >>> MOVE_BITS));
      return 0;
    }
    range -= bound;
    code -= bound;
    probs[index] = (short) (prob - (prob >>> MOVE_BITS));
    return 1;
  }

  /** A symbol of a bit tree whose probabilities {@code probs} hold (its length is 2^bits). */
  int tree(short[] probs) throws CorruptXzException {
    int symbol = 1;
    do {
      symbol = symbol << 1 | bit(probs, symbol);
    } while (symbol < probs.length);
    return symbol - probs.length;
  }

  /** A bit tree symbol read least significant bit first. */
  int reverseTree(short[] probs) throws CorruptXzException {
    int symbol = 1;
    int shift = 0;
    int result = 0;
    do {
      int bit = bit(probs, symbol);
      symbol = symbol << 1 | bit;
      result |= bit << shift++;
    } while (symbol < probs.length);
    return result;
  }

  /** {@code count} bits of even probability. */
  int direct(int count) throws CorruptXzException {
    int result = 0;
    do {
      normalize();
      range >>>= 1;
      int t = (code - range) >>> 31;
      code -= range & (t - 1);
      result = result << 1 | (1 - t);
    } while (--count != 0);
    return result;
  }
}
