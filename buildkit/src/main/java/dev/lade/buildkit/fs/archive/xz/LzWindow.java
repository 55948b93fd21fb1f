package dev.lade.buildkit.fs.archive.xz;

import java.io.DataInputStream;
import java.io.IOException;

/**
 * The LZ dictionary as a circular buffer: decoded bytes go in up to a limit, matches copy from
 * earlier positions (a match cut short by the limit resumes on the next call), and what was
 * decoded since the last flush is handed out.
 */
final class LzWindow {
  private final byte[] buffer;
  private int start;
  private int position;
  private int full;
  private int limit;
  private int pendingLength;
  private int pendingDistance;

  /** @param dictionarySize the LZMA2 dictionary size; the buffer is at least 4 KiB, a multiple of 16 */
  LzWindow(int dictionarySize) {
    buffer = new byte[(Math.max(dictionarySize, 4096) + 15) & ~15];
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
    if (position == buffer.length) position = 0;
    start = position;
    return count;
  }
}
