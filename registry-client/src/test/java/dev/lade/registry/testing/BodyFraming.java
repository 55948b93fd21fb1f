package dev.lade.registry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** How an HTTP/1.1 message body is delimited, and how to copy one without holding it whole. */
sealed interface BodyFraming {

  int BUFFER = 64 * 1024;

  record None() implements BodyFraming {}

  record Length(long bytes) implements BodyFraming {}

  record Chunked() implements BodyFraming {}

  /** A response without length ends when the server closes the connection. */
  record UntilClose() implements BodyFraming {}

  static BodyFraming none() {
    return new None();
  }

  static BodyFraming length(long bytes) {
    return bytes == 0 ? new None() : new Length(bytes);
  }

  static BodyFraming chunked() {
    return new Chunked();
  }

  static BodyFraming untilClose() {
    return new UntilClose();
  }

  /**
   * Copies one body as it is on the wire (chunk framing included) from {@code in} to {@code out}.
   */
  default void copy(InputStream in, OutputStream out) throws IOException {
    switch (this) {
      case None none -> {}
      case Length length -> copyExactly(in, out, length.bytes());
      case Chunked chunked -> copyChunks(in, out);
      case UntilClose untilClose -> in.transferTo(out);
    }
  }

  private static void copyChunks(InputStream in, OutputStream out) throws IOException {
    while (true) {
      byte[] sizeLine = requireLine(in);
      out.write(sizeLine);
      String size = new String(sizeLine, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
      int extension = size.indexOf(';');
      long bytes = Long.parseLong(extension < 0 ? size : size.substring(0, extension).trim(), 16);
      if (bytes == 0) {
        byte[] trailer;
        do {
          trailer = requireLine(in);
          out.write(trailer);
        } while (trailer.length > 2);
        return;
      }
      copyExactly(in, out, bytes);
      out.write(requireLine(in));
    }
  }

  private static byte[] requireLine(InputStream in) throws IOException {
    byte[] line = HttpHead.readLine(in);
    if (line == null) {
      throw new IOException("connection closed inside a chunked body");
    }
    return line;
  }

  private static void copyExactly(InputStream in, OutputStream out, long bytes) throws IOException {
    byte[] buffer = new byte[(int) Math.min(BUFFER, bytes)];
    long left = bytes;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException(
            "connection closed with " + left + " of " + bytes + " body bytes missing");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }
}
