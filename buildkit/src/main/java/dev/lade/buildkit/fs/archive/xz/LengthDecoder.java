package dev.lade.buildkit.fs.archive.xz;

import java.util.Arrays;

/** LZMA's match length decoder: 2 to 9 (low), 10 to 17 (mid), 18 to 273 (high). */
final class LengthDecoder {
  static final int MIN = 2;
  private final short[] choice = new short[2];
  private final short[][] low = new short[LzmaDecoder.POS_STATES_MAX][8];
  private final short[][] mid = new short[LzmaDecoder.POS_STATES_MAX][8];
  private final short[] high = new short[256];

  void reset() {
    Arrays.fill(choice, (short) RangeDecoder.PROB_INIT);
    for (short[] p : low) Arrays.fill(p, (short) RangeDecoder.PROB_INIT);
    for (short[] p : mid) Arrays.fill(p, (short) RangeDecoder.PROB_INIT);
    Arrays.fill(high, (short) RangeDecoder.PROB_INIT);
  }

  int decode(RangeDecoder rc, int posState) throws CorruptXzException {
    if (rc.bit(choice, 0) == 0) return rc.tree(low[posState]) + MIN;
    if (rc.bit(choice, 1) == 0) return rc.tree(mid[posState]) + MIN + 8;
    return rc.tree(high) + MIN + 16;
  }
}
