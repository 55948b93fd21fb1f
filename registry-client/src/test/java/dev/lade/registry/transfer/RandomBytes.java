package dev.lade.registry.transfer;

import java.io.InputStream;

/**
 * {@code size} incompressible bytes from a seeded SplitMix64, generated as they are read: large
 * test layers cost neither memory nor noticeable time, and the same seed gives the same bytes.
 */
public final class RandomBytes extends InputStream {
  private final long size;
  private long state;
  private long position;
  private long word;

  public RandomBytes(long seed, long size) {
    this.state = seed;
    this.size = size;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (position == size) return -1;
    int count = (int) Math.min(length, size - position);
    for (int i = 0; i < count; i++) {
      int shift = (int) (position++ & 7);
      if (shift == 0) word = next();
      buffer[offset + i] = (byte) (word >>> (shift * 8));
    }
    return count;
  }

  private long next() {
    long z = state += 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
