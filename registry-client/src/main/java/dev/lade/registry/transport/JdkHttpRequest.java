package dev.lade.registry.transport;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.util.StreamingContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * One request of a {@link JdkHttpTransport}. {@code StreamingContent} is deprecated but is what
 * {@link LowLevelHttpRequest} hands over, so its use here cannot be avoided.
 */
@SuppressWarnings("deprecation")
final class JdkHttpRequest extends LowLevelHttpRequest {
  // The JDK client sets these itself and refuses them from callers.
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final HttpRequest.Builder builder;
  private final String method;

  JdkHttpRequest(HttpClient client, String method, URI url, String userAgent) {
    this.client = client;
    this.method = method;
    this.builder = HttpRequest.newBuilder(url).header("User-Agent", userAgent);
  }

  @Override
  public void addHeader(String name, String value) {
    if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) builder.header(name, value);
  }

  @Override
  public void setTimeout(int connectTimeout, int readTimeout) {
    // The JDK's request timeout runs until the response head arrives: the nearest to a read timeout.
    if (readTimeout > 0) builder.timeout(Duration.ofMillis(readTimeout));
  }

  @Override
  public LowLevelHttpResponse execute() throws IOException {
    if (getContentType() != null) builder.header("Content-Type", getContentType());
    if (getContentEncoding() != null) builder.header("Content-Encoding", getContentEncoding());
    builder.method(method, publisher());
    try {
      HttpResponse<InputStream> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
      return new JdkHttpResponse(response);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + method + " response");
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private HttpRequest.BodyPublisher publisher() {
    StreamingContent content = getStreamingContent();
    long length = getContentLength();
    // The JDK refuses a zero-length publisher; noBody still sends Content-Length: 0 for POST/PUT.
    if (content == null || length == 0) return HttpRequest.BodyPublishers.noBody();
    // Bodies reach a request only through RequestBody.attachTo, and a RequestBody is read, not written.
    if (!(content instanceof RequestBody body)) {
      throw new IllegalArgumentException("request bodies must be RequestBody, not " + content.getClass().getName());
    }
    StreamPublisher stream = new StreamPublisher(body::stream, RequestBody.BUFFER_SIZE);
    return length >= 0
        ? HttpRequest.BodyPublishers.fromPublisher(stream, length)
        : HttpRequest.BodyPublishers.fromPublisher(stream);
  }
}
