package dev.lade.oci.layer;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * Compresses one block of a parallel gzip stream into raw deflate data that ends on a byte
 * boundary, so blocks can be joined in order. The block is cut into runs of chunks that {@link
 * IncompressibleChunks} calls compressible or not: incompressible runs become stored deflate blocks
 * (a copy), compressible runs are deflated, each ending on a sync flush, the block's last run on the
 * stream's final block when the block is the last one.
 *
 * <p>A run that starts the block has the previous block's last 32 KiB as its dictionary, as pigz
 * does; a run that follows a stored run has none, since matches into random bytes are rare and
 * loading a dictionary costs about as much as deflating it. The output depends only on the input,
 * the previous block and the level.
 */
final class BlockDeflater {
  static final int DICTIONARY = 32 * 1024;

  /** The largest stored block deflate allows. */
  private static final int MAX_STORED = 65_535;

  private final int level;

  BlockDeflater(int level) {
    this.level = level;
  }

  /**
   * Compresses {@code input[0, length)}, whose preceding input is {@code previous} (null for the
   * first block); {@code last} ends the deflate stream.
   */
  byte[] compress(byte[] input, int length, byte[] previous, boolean last) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length / 2 + 64);
    Deflater deflater = new Deflater(level, true);
    byte[] buffer = new byte[64 * 1024];
    try {
      boolean[] stored = IncompressibleChunks.classify(input, length);
      if (length == 0) deflate(deflater, input, 0, 0, previous, last, buffer, out);
      int start = 0;
      while (start < length) {
        int chunk = start / IncompressibleChunks.CHUNK;
        int end = start;
        while (end < length && stored[end / IncompressibleChunks.CHUNK] == stored[chunk]) {
          end = Math.min(length, end + IncompressibleChunks.CHUNK);
        }
        boolean finish = last && end == length;
        if (stored[chunk]) {
          store(input, start, end - start, finish, out);
        } else {
          byte[] dictionary = start == 0 ? previous : null;
          deflater.reset();
          deflate(deflater, input, start, end - start, dictionary, finish, buffer, out);
        }
        start = end;
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static void deflate(
      Deflater deflater, byte[] input, int off, int len, byte[] dictionary, boolean finish, byte[] buffer,
      ByteArrayOutputStream out) {
    if (dictionary != null) deflater.setDictionary(dictionary, dictionary.length - DICTIONARY, DICTIONARY);
    deflater.setInput(input, off, len);
    if (finish) {
      deflater.finish();
      while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
    } else {
      // A sync flush is complete once deflate leaves room in the buffer.
      int n;
      do {
        n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        out.write(buffer, 0, n);
      } while (n == buffer.length || !deflater.needsInput());
    }
  }

  /** Stored blocks: each a header byte (on a byte boundary), LEN and its complement, then the bytes. */
  private static void store(byte[] input, int off, int len, boolean finish, ByteArrayOutputStream out) {
    while (len > 0) {
      int n = Math.min(len, MAX_STORED);
      boolean final_ = finish && n == len;
      out.write(final_ ? 1 : 0);
      out.write(n & 0xff);
      out.write(n >>> 8);
      out.write(~n & 0xff);
      out.write((~n >>> 8) & 0xff);
      out.write(input, off, n);
      off += n;
      len -= n;
    }
  }
}
