package dev.lade.buildkit.fs.archive.xz;

import java.util.Arrays;

/**
 * LZMA's symbol decoder as LZMA2 uses it (no end marker): literals, matches and repeated matches
 * written into an {@link LzWindow}, with the state machine and adaptive probabilities of the
 * format (lc literal context bits, lp literal position bits, pb position bits).
 */
final class LzmaDecoder {
  static final int POS_STATES_MAX = 16;
  private static final int STATES = 12;
  private static final int LITERAL_STATES = 7;
  private static final int DIST_STATES = 4;
  private static final int DIST_MODEL_START = 4;
  private static final int DIST_MODEL_END = 14;
  private static final int ALIGN_BITS = 4;

  private final LzWindow window;
  private final RangeDecoder rc;
  private final int lc;
  private final int lpMask;
  private final int posMask;
  private final short[][] literals;
  private final short[][] isMatch = new short[STATES][POS_STATES_MAX];
  private final short[] isRep = new short[STATES];
  private final short[] isRep0 = new short[STATES];
  private final short[] isRep1 = new short[STATES];
  private final short[] isRep2 = new short[STATES];
  private final short[][] isRep0Long = new short[STATES][POS_STATES_MAX];
  private final short[][] distSlots = new short[DIST_STATES][64];
  private final short[][] distSpecial = new short[DIST_MODEL_END - DIST_MODEL_START][];
  private final short[] distAlign = new short[1 << ALIGN_BITS];
  private final LengthDecoder matchLength = new LengthDecoder();
  private final LengthDecoder repLength = new LengthDecoder();
  private final int[] reps = new int[4];
  private int state;

  LzmaDecoder(LzWindow window, RangeDecoder rc, int lc, int lp, int pb) {
    this.window = window;
    this.rc = rc;
    this.lc = lc;
    this.lpMask = (1 << lp) - 1;
    this.posMask = (1 << pb) - 1;
    this.literals = new short[1 << (lc + lp)][0x300];
    for (int slot = DIST_MODEL_START; slot < DIST_MODEL_END; slot++) {
      distSpecial[slot - DIST_MODEL_START] = new short[1 << ((slot >>> 1) - 1)];
    }
    reset();
  }

  /** A state reset: every probability back to even, the repeated distances to 0. */
  void reset() {
    state = 0;
    Arrays.fill(reps, 0);
    for (short[][] group : new short[][][] {literals, isMatch, isRep0Long, distSlots, distSpecial}) {
      for (short[] p : group) Arrays.fill(p, (short) RangeDecoder.PROB_INIT);
    }
    for (short[] p : new short[][] {isRep, isRep0, isRep1, isRep2, distAlign}) {
      Arrays.fill(p, (short) RangeDecoder.PROB_INIT);
    }
    matchLength.reset();
    repLength.reset();
  }

  /** Decodes until the window's limit, then normalizes, as the chunk's last bits need. */
  void decode() throws CorruptXzException {
    window.repeatPending();
    while (window.hasSpace()) {
      int posState = window.position() & posMask;
      if (rc.bit(isMatch[state], posState) == 0) {
        literal();
      } else {
        int length = rc.bit(isRep, state) == 0 ? match(posState) : repeatedMatch(posState);
        window.repeat(reps[0], length);
      }
    }
    rc.normalize();
  }

  private void literal() throws CorruptXzException {
    int previous = window.byteAt(0);
    short[] probs = literals[(previous >>> (8 - lc)) + ((window.position() & lpMask) << lc)];
    int symbol = 1;
    if (state < LITERAL_STATES) {
      do {
        symbol = symbol << 1 | rc.bit(probs, symbol);
      } while (symbol < 0x100);
    } else {
      // After a match the byte at the match distance steers the probabilities until they differ.
      int matchByte = window.byteAt(reps[0]);
      int offset = 0x100;
      do {
        matchByte <<= 1;
        int matchBit = matchByte & offset;
        int bit = rc.bit(probs, offset + matchBit + symbol);
        symbol = symbol << 1 | bit;
        offset &= (0 - bit) ^ ~matchBit;
      } while (symbol < 0x100);
    }
    window.put(symbol);
    state = state <= 3 ? 0 : state <= 9 ? state - 3 : state - 6;
  }

  private int match(int posState) throws CorruptXzException {
    state = state < LITERAL_STATES ? 7 : 10;
    reps[3] = reps[2];
    reps[2] = reps[1];
    reps[1] = reps[0];
    int length = matchLength.decode(rc, posState);
    int slot = rc.tree(distSlots[Math.min(length - LengthDecoder.MIN, DIST_STATES - 1)]);
    if (slot < DIST_MODEL_START) {
      reps[0] = slot;
    } else {
      int bits = (slot >>> 1) - 1;
      int distance = (2 | (slot & 1)) << bits;
      if (slot < DIST_MODEL_END) {
        distance |= rc.reverseTree(distSpecial[slot - DIST_MODEL_START]);
      } else {
        distance |= rc.direct(bits - ALIGN_BITS) << ALIGN_BITS;
        distance |= rc.reverseTree(distAlign);
      }
      reps[0] = distance;
    }
    return length;
  }

  private int repeatedMatch(int posState) throws CorruptXzException {
    if (rc.bit(isRep0, state) == 0) {
      if (rc.bit(isRep0Long[state], posState) == 0) {
        state = state < LITERAL_STATES ? 9 : 11; // a short rep: one byte at rep0
        return 1;
      }
    } else {
      int distance;
      if (rc.bit(isRep1, state) == 0) {
        distance = reps[1];
      } else {
        if (rc.bit(isRep2, state) == 0) {
          distance = reps[2];
        } else {
          distance = reps[3];
          reps[3] = reps[2];
        }
        reps[2] = reps[1];
      }
      reps[1] = reps[0];
      reps[0] = distance;
    }
    state = state < LITERAL_STATES ? 8 : 11;
    return repLength.decode(rc, posState);
  }
}
