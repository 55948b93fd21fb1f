package dev.lade.registry.transport;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.util.StreamingContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The body of one request attempt: a stream read once, its length ({@code -1} if unknown) and
 * content type (null for none). It writes itself in large blocks, rather than in 4 KiB copies.
 * {@code StreamingContent} is deprecated but is what {@link LowLevelHttpRequest}
 * takes, so its use here cannot be avoided.
 */
@SuppressWarnings("deprecation")
public final class RequestBody implements StreamingContent {
  /** Large writes go to the socket whole. */
  static final int BUFFER_SIZE = 256 * 1024;

  private final InputStream in;
  private final long length;
  private final String contentType;

  private RequestBody(InputStream in, long length, String contentType) {
    this.in = Objects.requireNonNull(in, "in");
    this.length = length;
    this.contentType = contentType;
  }

  /** {@code bytes}, of type {@code contentType} (null for none). */
  public static RequestBody of(byte[] bytes, String contentType) {
    return new RequestBody(new ByteArrayInputStream(bytes), bytes.length, contentType);
  }

  /** {@code length} bytes from {@code in} ({@code -1}: up to its end), which the body closes. */
  public static RequestBody of(InputStream in, long length, String contentType) {
    return new RequestBody(in, length, contentType);
  }

  /** An HTML form's fields, URL-encoded. */
  public static RequestBody form(Map<String, String> fields) {
    return of(urlEncoded(fields.entrySet()).getBytes(StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded; charset=UTF-8");
  }

  /**
   * {@code fields} as {@code name=value&...}, each URL-encoded: a form's body, or a query, whose
   * names may repeat.
   */
  public static String urlEncoded(Collection<Map.Entry<String, String>> fields) {
    return fields.stream()
        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The number of bytes, or {@code -1} if unknown. */
  public long length() {
    return length;
  }

  /** The content type, or null. */
  public String contentType() {
    return contentType;
  }

  /** The content, to be read once (for transports that pull rather than write). */
  InputStream stream() {
    return in;
  }

  /** Makes this the body of {@code request}. */
  public void attachTo(LowLevelHttpRequest request) throws IOException {
    request.setStreamingContent(this);
    request.setContentLength(length);
    request.setContentType(contentType);
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    try (in) {
      byte[] buffer = new byte[(int) Math.min(BUFFER_SIZE, length < 0 ? BUFFER_SIZE : Math.max(length, 1))];
      int n;
      while ((n = in.read(buffer)) >= 0) out.write(buffer, 0, n);
    }
  }
}
