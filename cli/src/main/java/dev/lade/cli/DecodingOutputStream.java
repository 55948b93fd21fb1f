package dev.lade.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written here reach a {@link PrintWriter} as UTF-8 text, a character split across two writes kept until
 * its last byte comes; so a command's byte output goes where its other output goes (and tests see it).
 */
final class DecodingOutputStream extends OutputStream {
  private final PrintWriter out;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192);
  // Never fuller than the bytes: UTF-8 decodes to at most one char per byte.
  private final CharBuffer chars = CharBuffer.allocate(8192);

  DecodingOutputStream(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    while (length > 0) {
      int n = Math.min(length, bytes.remaining());
      bytes.put(source, offset, n);
      offset += n;
      length -= n;
      bytes.flip();
      decoder.decode(bytes, chars, false); // an unfinished character stays in bytes
      drain();
      bytes.compact();
    }
  }

  @Override
  public void flush() {
    drain();
    out.flush();
  }

  private void drain() {
    chars.flip();
    out.append(chars);
    chars.clear();
  }
}
