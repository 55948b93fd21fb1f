package dev.lade.registry.transfer;

import dev.lade.registry.blob.BlobSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A {@link BlobSource} over a stream that is costly to open, such as a download: chunked uploads
 * read it in order, each chunk going on where the last stopped, so the stream stays open across
 * chunks; asking for an earlier offset (a retried chunk) opens it anew there.
 */
final class SequentialBlobSource implements BlobSource {
  /** Opens the content at an offset. */
  @FunctionalInterface
  interface Opener {
    InputStream open(long offset) throws IOException;
  }

  /** An opener for content that can only be read from its start: it skips to the offset. */
  static Opener fromStart(FromStart opener) {
    return offset -> {
      InputStream in = opener.open();
      try {
        in.skipNBytes(offset);
        return in;
      } catch (IOException | RuntimeException e) {
        in.close();
        throw e;
      }
    };
  }

  /** Opens the content from its start. */
  @FunctionalInterface
  interface FromStart {
    InputStream open() throws IOException;
  }

  private final Opener opener;
  private InputStream current;
  private long position;

  SequentialBlobSource(Opener opener) {
    this.opener = opener;
  }

  @Override
  public synchronized InputStream open(long offset) throws IOException {
    if (current == null || offset < position) {
      if (current != null) current.close();
      current = opener.open(offset);
      position = offset;
    }
    skipTo(offset);
    return new FilterInputStream(current) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) position++;
        return b;
      }

      @Override
      public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) position += n;
        if (n < 0) in.close(); // the whole blob went; a retry opens it anew
        return n;
      }

      @Override
      public void close() {
        // The next chunk reads on from here.
      }
    };
  }

  private void skipTo(long offset) throws IOException {
    current.skipNBytes(offset - position);
    position = offset;
  }
}
