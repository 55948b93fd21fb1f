package dev.lade.registry.transport;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.util.StreamingContent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;

/**
 * One request of a {@link UrlConnectionTransport}. {@code StreamingContent} is deprecated but is
 * what {@link LowLevelHttpRequest} hands over, so its use here cannot be avoided.
 */
@SuppressWarnings("deprecation")
final class UrlConnectionRequest extends LowLevelHttpRequest {
  private static final long BUFFERED_LIMIT = 1024 * 1024;

  private final HttpURLConnection connection;
  private final String method;

  UrlConnectionRequest(HttpURLConnection connection, String method) throws IOException {
    this.connection = connection;
    this.method = method;
    connection.setRequestMethod(method);
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
  }

  @Override
  public void addHeader(String name, String value) {
    connection.addRequestProperty(name, value);
  }

  @Override
  public void setTimeout(int connectTimeout, int readTimeout) {
    connection.setConnectTimeout(connectTimeout);
    connection.setReadTimeout(readTimeout);
  }

  @Override
  public LowLevelHttpResponse execute() throws IOException {
    StreamingContent content = getStreamingContent();
    if (getContentType() != null) connection.setRequestProperty("Content-Type", getContentType());
    if (getContentEncoding() != null) connection.setRequestProperty("Content-Encoding", getContentEncoding());
    if (content != null && (method.equals("POST") || method.equals("PUT"))) {
      send(content, getContentLength());
    } else if (content != null && getContentLength() != 0) {
      throw new IOException(method + " with a body is not supported");
    }
    try {
      return new UrlConnectionResponse(connection, method, connection.getResponseCode());
    } catch (IOException e) {
      connection.disconnect();
      throw e;
    }
  }

  private void send(StreamingContent content, long length) throws IOException {
    connection.setDoOutput(true);
    // Small bodies (forms, manifests) are buffered: only then does HttpURLConnection keep the body
    // of a 401 answer, which carries the token server's reason. Large ones stream to the socket.
    if (length >= 0 && length <= BUFFERED_LIMIT) {
      // nothing to set
    } else if (length >= 0) {
      connection.setFixedLengthStreamingMode(length);
    } else {
      connection.setChunkedStreamingMode(RequestBody.BUFFER_SIZE);
    }
    try (OutputStream out = connection.getOutputStream()) {
      content.writeTo(out);
    } catch (IOException e) {
      // The registry may answer (401, 413) and hang up before taking the whole body: that answer
      // is what the caller needs.
      if (!answered()) {
        connection.disconnect();
        throw e;
      }
    }
  }

  private boolean answered() {
    try {
      return connection.getResponseCode() > 0;
    } catch (IOException e) {
      return false;
    }
  }
}
