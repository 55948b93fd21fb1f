package dev.lade.oci.layer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;

/**
 * The header and trailer of a gzip member as Go's {@code compress/gzip} writes them: no name, mtime
 * 0, OS 255 (unknown), so blobs do not depend on the JDK ({@code GZIPOutputStream} writes OS 0).
 */
final class GzipMember {
  private GzipMember() {}

  static void writeHeader(OutputStream out, int level) throws IOException {
    // Go's extra flags: 2 for best compression, 4 for best speed, else 0.
    int xfl = level == Deflater.BEST_COMPRESSION ? 2 : level == Deflater.BEST_SPEED ? 4 : 0;
    out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) xfl, (byte) 0xff});
  }

  static void writeTrailer(OutputStream out, long crc, long length) throws IOException {
    byte[] t = new byte[8];
    for (int i = 0; i < 4; i++) {
      t[i] = (byte) (crc >>> (8 * i));
      t[4 + i] = (byte) (length >>> (8 * i));
    }
    out.write(t);
  }
}
