package dev.lade.registry;

import com.google.api.client.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** A registry's response, its body still on the wire; close it. */
final class Reply implements AutoCloseable {
  private final HttpResponse response;
  private final URI url;

  Reply(HttpResponse response, URI url) {
    this.response = response;
    this.url = url;
  }

  int status() {
    return response.getStatusCode();
  }

  /** The URL that answered, after redirects; relative {@code Location}s resolve against it. */
  URI url() {
    return url;
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(response.getHeaders().getFirstHeaderStringValue(name));
  }

  List<String> headers(String name) {
    List<String> values = response.getHeaders().getHeaderStringValues(name);
    return values == null ? List.of() : values;
  }

  /** The {@code Content-Length}, or -1. */
  long contentLength() {
    Long length = response.getHeaders().getContentLength();
    return length == null ? -1 : length;
  }

  /** The body, exactly as sent (never decompressed); empty for HEAD. */
  InputStream body() throws IOException {
    InputStream content = response.getContent();
    return content == null ? InputStream.nullInputStream() : content;
  }

  /** Reads at most {@code limit} bytes of the body. */
  byte[] readBody(int limit) throws IOException {
    try (InputStream in = body()) {
      return in.readNBytes(limit);
    }
  }

  /** The location of a {@code Location} header, resolved against {@link #url()}. */
  Optional<URI> location() {
    return header("Location").map(url::resolve);
  }

  @Override
  public void close() throws IOException {
    response.disconnect();
  }
}
