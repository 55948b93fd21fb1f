package dev.lade.buildkit.fs.archive.xz;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * The LZ dictionary as a circular buffer: decoded bytes go in up to a limit, matches copy from
 * earlier positions (a match cut short by the limit resumes on the next call), and what was
 * decoded since the last flush is handed out.
 */
final class LzWindow {
  private static final int FIRST_SIZE = 1 << 20;
  private final int capacity;
  private byte[] buffer;
  private int start;
  private int position;
  private int full;
  private int limit;
  private int pendingLength;
  private int pendingDistance;

  /**
   * @param dictionarySize the LZMA2 dictionary size; the buffer is at least 4 KiB, a multiple of
   *     16, and grows to it only as the data does, so a small archive of {@code xz -9} (64 MiB)
   *     takes little memory
   */
  LzWindow(int dictionarySize) {
    capacity = (Math.max(dictionarySize, 4096) + 15) & ~15;
    buffer = new byte[Math.min(capacity, FIRST_SIZE)];
  }

  /** Before the buffer first wraps, it doubles when full, up to the dictionary size. */
  private void growIfFull() {
    if (position == buffer.length && buffer.length < capacity) {
      buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(capacity, 2L * buffer.length));
    }
  }

  /** A dictionary reset: earlier bytes may no longer be referred to. */
  void reset() {
    start = 0;
    position = 0;
    full = 0;
    limit = 0;
    pendingLength = 0;
    buffer[buffer.length - 1] = 0;
  }

  /** Lets at most {@code max} bytes be decoded before the next flush. */
  void limit(int max) {
    growIfFull();
    limit = position + Math.min(buffer.length - position, max);
  }

  boolean hasSpace() {
    return position < limit;
  }

  boolean hasPending() {
    return pendingLength > 0;
  }

  int position() {
    return position;
  }

  /** The byte {@code distance + 1} bytes back. */
  int byteAt(int distance) {
    int offset = position - distance - 1;
    if (distance >= position) offset += buffer.length;
    return buffer[offset] & 0xFF;
  }

  void put(int value) {
    buffer[position++] = (byte) value;
    if (full < position) full = position;
  }

  /** Copies {@code length} bytes from {@code distance + 1} bytes back, as far as the limit allows. */
  void repeat(int distance, int length) throws CorruptXzException {
    if (distance < 0 || distance >= full) throw new CorruptXzException("match distance " + distance);
    int left = Math.min(limit - position, length);
    pendingLength = length - left;
    pendingDistance = distance;
    int back = position - distance - 1;
    if (back < 0) back += buffer.length;
    while (left-- > 0) {
      buffer[position++] = buffer[back++];
      if (back == buffer.length) back = 0;
    }
    if (full < position) full = position;
  }

  /** Finishes a match the last limit cut short. */
  void repeatPending() throws CorruptXzException {
    if (pendingLength > 0) repeat(pendingDistance, pendingLength);
  }

  /** Reads up to {@code length} stored bytes (an uncompressed LZMA2 chunk); returns how many. */
  int copyStored(DataInputStream in, int length) throws IOException {
    growIfFull();
    int count = Math.min(buffer.length - position, length);
    in.readFully(buffer, position, count);
    position += count;
    if (full < position) full = position;
    return count;
  }

  /** Copies what was decoded since the last flush into {@code out} at {@code offset}; returns its length. */
  int flush(byte[] out, int offset) {
    int count = position - start;
    System.arraycopy(buffer, start, out, offset, count);
    if (position == buffer.length && buffer.length == capacity) position = 0;
    start = position;
    return count;
  }
}
