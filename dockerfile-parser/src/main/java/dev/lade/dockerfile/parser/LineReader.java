package dev.lade.dockerfile.parser;

import dev.lade.dockerfile.text.RawText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a Dockerfile's physical lines as BuildKit's scanner does: split on {@code \n} only, the
 * terminator kept, a final line without {@code \n} still a line, a UTF-8 BOM dropped from the first
 * line, and no line longer than 65535 bytes (not counting its {@code \n}).
 *
 * <p>Reading streams: an over-long line fails as soon as its 65536th byte arrives.
 */
final class LineReader {
  /** Go's {@code bufio.MaxScanTokenSize - 1}: the longest line the scanner accepts. */
  static final int MAX_LINE_BYTES = 64 * 1024 - 1;

  private final InputStream in;
  private final byte[] buffer = new byte[8192];
  private int bufferPos;
  private int bufferEnd;
  private byte[] line = new byte[256];
  private int lineNumber;

  LineReader(InputStream in) {
    this.in = in;
  }

  /** How many lines were read so far: the 1-based number of the last line returned. */
  int lineNumber() {
    return lineNumber;
  }

  /** The next line with its {@code \n} (if any), or null at end of input. */
  String next() {
    int len = 0;
    while (true) {
      if (bufferPos == bufferEnd && !fill()) break;
      byte b = buffer[bufferPos++];
      if (b == '\n') {
        len = append(len, b);
        return finish(len);
      }
      if (len == MAX_LINE_BYTES) {
        throw new DockerfileParseException(
            "dockerfile line greater than max allowed size of " + MAX_LINE_BYTES, lineNumber + 1, 0);
      }
      len = append(len, b);
    }
    return len == 0 ? null : finish(len);
  }

  private String finish(int len) {
    lineNumber++;
    int start = 0;
    if (lineNumber == 1 && len >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
      start = 3;
    }
    return RawText.decode(line, start, len - start);
  }

  private int append(int len, byte b) {
    if (len == line.length) {
      byte[] grown = new byte[Math.min(line.length * 2, MAX_LINE_BYTES + 1)];
      System.arraycopy(line, 0, grown, 0, len);
      line = grown;
    }
    line[len] = b;
    return len + 1;
  }

  private boolean fill() {
    try {
      int n;
      do {
        n = in.read(buffer);
      } while (n == 0);
      if (n < 0) return false;
      bufferPos = 0;
      bufferEnd = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the Dockerfile: " + e.getMessage(), e);
    }
  }
}
