package dev.lade.oci.layer;

import java.io.IOException;
import java.io.InputStream;

/** The content of the current tar entry: reads at most its size, never past it, and never closes the tar. */
final class EntryContentStream extends InputStream {
  private final InputStream tar;
  private long remaining;

  EntryContentStream(InputStream tar, long size) {
    this.tar = tar;
    this.remaining = size;
  }

  @Override
  public int read() throws IOException {
    if (remaining <= 0) return -1;
    int b = tar.read();
    if (b < 0) throw new IOException("layer tar ends inside an entry");
    remaining--;
    return b;
  }

  @Override
  public int read(byte[] buffer, int off, int len) throws IOException {
    if (remaining <= 0) return -1;
    int n = tar.read(buffer, off, (int) Math.min(len, remaining));
    if (n < 0) throw new IOException("layer tar ends inside an entry");
    remaining -= n;
    return n;
  }

  /** Skips whatever the caller did not read. */
  void drain() throws IOException {
    byte[] buffer = new byte[8192];
    while (read(buffer, 0, buffer.length) >= 0) {}
  }

  @Override
  public void close() {}
}
