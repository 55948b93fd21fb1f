package dev.lade.registry.transport;

import com.google.api.client.http.LowLevelHttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The response to a {@link JdkHttpRequest}; its body streams from the connection. */
final class JdkHttpResponse extends LowLevelHttpResponse {
  private final HttpResponse<InputStream> response;
  private final List<String> names = new ArrayList<>();
  private final List<String> values = new ArrayList<>();

  JdkHttpResponse(HttpResponse<InputStream> response) {
    this.response = response;
    for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
      if (header.getKey().startsWith(":")) continue; // HTTP/2 pseudo-headers
      for (String value : header.getValue()) {
        names.add(header.getKey());
        values.add(value);
      }
    }
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
  public int getHeaderCount() {
    return names.size();
  }

  @Override
  public String getHeaderName(int index) {
    return names.get(index);
  }

  @Override
  public String getHeaderValue(int index) {
    return values.get(index);
  }

  @Override
  public void disconnect() throws IOException {
    response.body().close();
  }
}
