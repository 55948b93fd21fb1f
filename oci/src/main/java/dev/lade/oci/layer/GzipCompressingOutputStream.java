package dev.lade.oci.layer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A single-threaded gzip stream with Go's header bytes (see {@link GzipMember}). Closing finishes
 * the member and closes the underlying stream.
 */
public final class GzipCompressingOutputStream extends FilterOutputStream {
  private final Deflater deflater;
  private final CRC32 crc = new CRC32();
  private final byte[] buffer = new byte[64 * 1024];
  private long length;
  private boolean closed;

  /** Compresses at {@code level} (0-9, or {@link Deflater#DEFAULT_COMPRESSION}) into {@code out}. */
  public GzipCompressingOutputStream(OutputStream out, int level) throws IOException {
    super(out);
    this.deflater = new Deflater(level, true);
    GzipMember.writeHeader(out, level);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len == 0) return;
    crc.update(b, off, len);
    length += len;
    deflater.setInput(b, off, len);
    while (!deflater.needsInput()) drain();
  }

  @Override
  public void flush() throws IOException {
    out.flush(); // no deflate flush: it would add bytes and change the digest
  }

  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    try {
      deflater.finish();
      while (!deflater.finished()) drain();
      GzipMember.writeTrailer(out, crc.getValue(), length);
    } finally {
      deflater.end();
      out.close();
    }
  }

  private void drain() throws IOException {
    int n = deflater.deflate(buffer);
    if (n > 0) out.write(buffer, 0, n);
  }
}
