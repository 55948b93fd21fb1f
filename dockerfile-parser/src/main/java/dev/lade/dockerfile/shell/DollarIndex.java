package dev.lade.dockerfile.shell;

import java.util.Arrays;

/**
 * Where the {@code $} characters of {@link Expander#out} are. The buffer only grows at its end or is cut back, so each
 * character is scanned once after it is written: asking whether a tail holds a dollar costs amortized constant time,
 * where searching the tail each time would cost its length.
 */
final class DollarIndex {
  private int[] positions = new int[8];
  private int count;
  private int scanned;

  /** Whether {@code text} holds a {@code $} at {@code from} or after it. */
  boolean anyFrom(CharSequence text, int from) {
    for (int end = text.length(); scanned < end; scanned++) {
      if (text.charAt(scanned) == '$') {
        if (count == positions.length) {
          positions = Arrays.copyOf(positions, 2 * count);
        }
        positions[count++] = scanned;
      }
    }
    return count > 0 && positions[count - 1] >= from;
  }

  /** Forgets the positions at {@code length} and after, which the buffer no longer has. */
  void truncate(int length) {
    scanned = Math.min(scanned, length);
    while (count > 0 && positions[count - 1] >= length) {
      count--;
    }
  }
}
