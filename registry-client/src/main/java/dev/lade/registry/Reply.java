package dev.lade.registry;

import com.google.api.client.http.LowLevelHttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A registry's response, its body still on the wire; close it. */
final class Reply implements AutoCloseable {
  private final LowLevelHttpResponse response;
  private final URI url;
  private final int status;
  private final long contentLength;
  private final String[] names;
  private final String[] values;

  /** The response to a request to {@code url}; reads its head, leaving the body on the wire. */
  Reply(LowLevelHttpResponse response, URI url) throws IOException {
    this.response = response;
    this.url = url;
    this.status = response.getStatusCode();
    this.contentLength = response.getContentLength();
    int count = response.getHeaderCount();
    this.names = new String[count];
    this.values = new String[count];
    for (int i = 0; i < count; i++) {
      names[i] = response.getHeaderName(i);
      values[i] = response.getHeaderValue(i);
    }
  }

  int status() {
    return status;
  }

  /** The URL that answered, after redirects; relative {@code Location}s resolve against it. */
  URI url() {
    return url;
  }

  /** The first value of header {@code name} (any case). */
  Optional<String> header(String name) {
    for (int i = 0; i < names.length; i++) {
      if (name.equalsIgnoreCase(names[i])) return Optional.ofNullable(values[i]);
    }
    return Optional.empty();
  }

  /** Every value of header {@code name} (any case), in order. */
  List<String> headers(String name) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (name.equalsIgnoreCase(names[i])) found.add(values[i]);
    }
    return found;
  }

  /** The {@code Content-Length}, or -1. */
  long contentLength() {
    return contentLength;
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
