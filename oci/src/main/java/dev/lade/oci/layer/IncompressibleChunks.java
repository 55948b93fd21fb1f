package dev.lade.oci.layer;

/**
 * Tells which chunks of a block deflate would not shrink, so they can be stored instead: random or
 * already compressed bytes (images, archives, compressed binaries) cost zlib three to five times
 * more CPU per byte than text and come out no smaller.
 *
 * <p>The test is the chunk's order-0 entropy, from a byte histogram (about fifty times cheaper
 * than deflating it): a chunk whose bytes are so evenly spread that coding them one by one would
 * save less than {@value #SAVING_PERCENT}% is called incompressible. Repeats that deflate could
 * still find in such a chunk (the same random bytes twice within 32 KiB) are rare enough to give
 * up. The decision is computed in integers from a table made with {@link StrictMath}, so it is the
 * same on every machine and JVM, and so are the layers.
 */
final class IncompressibleChunks {
  /**
   * Small, to catch the random part of a small file: of bench/copy.sh's context (files half random
   * bytes, half text), 1 KiB chunks store 48% of the bytes, 4 KiB chunks 44%. Large enough for a
   * steady estimate: the histogram of 1 KiB of random bytes gives about 7.8 bits a byte, above the
   * threshold's 7.6 (512 bytes give 7.64, too close).
   */
  static final int CHUNK = 1024;

  /** A chunk is stored when entropy coding would save less than this share of its bits. */
  static final int SAVING_PERCENT = 5;

  private static final int SCALE_BITS = 16;

  /** {@code n * log2(n)} for n from 0 to CHUNK, in units of 2^-16. */
  private static final long[] N_LOG_N = new long[CHUNK + 1];

  static {
    for (int n = 2; n <= CHUNK; n++) {
      N_LOG_N[n] = Math.round(n * StrictMath.log(n) / StrictMath.log(2) * (1 << SCALE_BITS));
    }
  }

  private IncompressibleChunks() {}

  /** For each chunk of {@code data[0, length)} (the last one may be short), whether to store it. */
  static boolean[] classify(byte[] data, int length) {
    boolean[] stored = new boolean[(length + CHUNK - 1) / CHUNK];
    int[] counts = new int[256];
    for (int i = 0; i < stored.length; i++) {
      int off = i * CHUNK;
      stored[i] = incompressible(data, off, Math.min(CHUNK, length - off), counts);
    }
    return stored;
  }

  private static boolean incompressible(byte[] data, int off, int len, int[] counts) {
    java.util.Arrays.fill(counts, 0);
    for (int i = off, end = off + len; i < end; i++) counts[data[i] & 0xff]++;
    // Entropy in bits times len: len*log2(len) - sum(c*log2(c)).
    long bits = N_LOG_N[len];
    for (int c : counts) bits -= N_LOG_N[c];
    long worthless = (long) len * 8 * (100 - SAVING_PERCENT) / 100;
    return bits >= worthless << SCALE_BITS;
  }
}
