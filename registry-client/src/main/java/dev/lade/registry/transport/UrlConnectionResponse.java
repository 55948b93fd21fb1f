package dev.lade.registry.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;

/** The response to a {@link UrlConnectionRequest}; its body streams from the connection. */
final class UrlConnectionResponse extends ListedHeadersResponse {
  private final HttpURLConnection connection;
  private final String method;
  private final int status;
  private InputStream body;

  UrlConnectionResponse(HttpURLConnection connection, String method, int status) {
    super(connection.getHeaderFields());
    this.connection = connection;
    this.method = method;
    this.status = status;
  }

  @Override
  public synchronized InputStream getContent() throws IOException {
    if (body == null) body = open();
    return body;
  }

  private InputStream open() {
    InputStream in;
    try {
      in = connection.getInputStream();
    } catch (IOException e) {
      // Error statuses have their body here; a 401 to a streamed request has none left.
      in = connection.getErrorStream();
    }
    if (in == null) return InputStream.nullInputStream();
    return new WholeBodyStream(in, method.equals("HEAD") ? 0 : getContentLength());
  }

  @Override
  public String getContentEncoding() {
    return connection.getHeaderField("Content-Encoding");
  }

  @Override
  public long getContentLength() {
    return connection.getHeaderFieldLong("Content-Length", -1);
  }

  @Override
  public String getContentType() {
    return connection.getHeaderField("Content-Type");
  }

  @Override
  public String getStatusLine() {
    String line = connection.getHeaderField(0);
    return line != null && line.startsWith("HTTP/1.") ? line : null;
  }

  @Override
  public int getStatusCode() {
    return status;
  }

  @Override
  public String getReasonPhrase() {
    try {
      return connection.getResponseMessage();
    } catch (IOException e) {
      return null;
    }
  }

  /** Closes the body, which hands a fully read connection back for reuse. */
  @Override
  public void disconnect() throws IOException {
    getContent().close();
  }

  /**
   * {@code HttpURLConnection} reports a body cut short by the peer as a normal end; this stream
   * makes it an error, so that downloads resume rather than fail verification.
   */
  private static final class WholeBodyStream extends FilterInputStream {
    private final long expected;
    private long count;

    WholeBodyStream(InputStream in, long expected) {
      super(in);
      this.expected = expected;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b < 0) checkComplete();
      else count++;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n < 0) checkComplete();
      else count += n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(n);
      count += skipped;
      return skipped;
    }

    private void checkComplete() throws IOException {
      if (expected >= 0 && count < expected) {
        throw new IOException("connection closed after " + count + " of " + expected + " bytes");
      }
    }
  }
}
