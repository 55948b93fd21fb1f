package dev.lade.registry.testing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes on the first {@code limit} bytes, then flushes and throws {@link CutOff}. */
final class CutOffOutputStream extends FilterOutputStream {

  /** Thrown once the limit is reached; the connection is to be reset. */
  static final class CutOff extends IOException {
    private static final long serialVersionUID = 1L;

    CutOff(long limit) {
      super("cut off after " + limit + " body bytes");
    }
  }

  private final long limit;
  private long written;

  CutOffOutputStream(OutputStream out, long limit) {
    super(out);
    this.limit = limit;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int allowed = (int) Math.min(len, limit - written);
    out.write(b, off, allowed);
    written += allowed;
    if (written >= limit) {
      out.flush();
      throw new CutOff(limit);
    }
  }
}
