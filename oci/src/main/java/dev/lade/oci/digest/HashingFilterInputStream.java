package dev.lade.oci.digest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that sees every byte read through it exactly once, in order: skipped bytes are read, and
 * mark and reset are refused (re-read bytes would be seen twice). Subclasses hash, count or verify
 * in {@link #bytesRead} and act on the end of the stream in {@link #endReached}.
 */
public abstract class HashingFilterInputStream extends FilterInputStream {
  private final byte[] single = new byte[1];

  protected HashingFilterInputStream(InputStream in) {
    super(in);
  }

  /** Takes in {@code length} bytes just read, at {@code offset} of {@code buffer}. */
  protected abstract void bytesRead(byte[] buffer, int offset, int length) throws IOException;

  /** Called each time a read meets the end of the stream. */
  protected void endReached() throws IOException {}

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      endReached();
    } else {
      single[0] = (byte) b;
      bytesRead(single, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n < 0) {
      endReached();
    } else if (n > 0) {
      bytesRead(buffer, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) break;
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported: every byte is seen once");
  }
}
