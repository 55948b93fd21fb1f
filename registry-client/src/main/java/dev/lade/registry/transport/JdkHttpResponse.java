package dev.lade.registry.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

/** The response to a {@link JdkHttpRequest}; its body streams from the connection. */
final class JdkHttpResponse extends ListedHeadersResponse {
  private final HttpResponse<InputStream> response;

  JdkHttpResponse(HttpResponse<InputStream> response) {
    super(response.headers().map());
    this.response = response;
  }

  @Override
  public InputStream getContent() {
    return response.body();
  }

  @Override
  public String getContentEncoding() {
    return response.headers().firstValue("Content-Encoding").orElse(null);
  }

  @Override
  public long getContentLength() {
    return response.headers().firstValueAsLong("Content-Length").orElse(-1);
  }

  @Override
  public String getContentType() {
    return response.headers().firstValue("Content-Type").orElse(null);
  }

  @Override
  public String getStatusLine() {
    return "HTTP/1.1 " + response.statusCode();
  }

  @Override
  public int getStatusCode() {
    return response.statusCode();
  }

  @Override
  public String getReasonPhrase() {
    return null;
  }

  @Override
  public void disconnect() throws IOException {
    response.body().close();
  }
}
