package dev.lade.registry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The start line and header fields of an HTTP/1.1 message, kept as received. */
record HttpHead(String startLine, List<HttpHead.Field> fields) {

  private static final int MAX_LINE = 64 * 1024;

  record Field(String name, String value) {}

  HttpHead {
    fields = List.copyOf(fields);
  }

  /** Reads a head; empty when the stream ends before its first byte (a closed keep-alive). */
  static Optional<HttpHead> read(InputStream in) throws IOException {
    byte[] first = readLine(in);
    if (first == null) {
      return Optional.empty();
    }
    String startLine = text(first);
    List<Field> fields = new ArrayList<>();
    while (true) {
      byte[] line = readLine(in);
      if (line == null) {
        throw new IOException("connection closed inside an HTTP head after: " + startLine);
      }
      String field = text(line);
      if (field.isEmpty()) {
        return Optional.of(new HttpHead(startLine, fields));
      }
      int colon = field.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header field: " + field);
      }
      fields.add(new Field(field.substring(0, colon), field.substring(colon + 1).trim()));
    }
  }

  /** One line including its CRLF, or null at the end of the stream before any byte. */
  static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != -1) {
      line.write(b);
      if (b == '\n') {
        return line.toByteArray();
      }
      if (line.size() > MAX_LINE) {
        throw new IOException("HTTP line longer than " + MAX_LINE + " bytes");
      }
    }
    if (line.size() == 0) {
      return null;
    }
    throw new IOException("connection closed inside an HTTP line");
  }

  private static String text(byte[] line) {
    return new String(line, StandardCharsets.ISO_8859_1).stripTrailing();
  }

  String method() {
    return startLine.substring(0, startLine.indexOf(' '));
  }

  /** The request target's path, without the query. */
  String path() {
    String target = startLine.split(" ", 3)[1];
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  int status() {
    return Integer.parseInt(startLine.split(" ", 3)[1]);
  }

  Optional<String> header(String name) {
    return fields.stream()
        .filter(f -> f.name().equalsIgnoreCase(name))
        .map(Field::value)
        .findFirst();
  }

  boolean hasToken(String name, String token) {
    return fields.stream()
        .filter(f -> f.name().equalsIgnoreCase(name))
        .flatMap(f -> List.of(f.value().split(",")).stream())
        .anyMatch(v -> v.trim().equalsIgnoreCase(token));
  }

  HttpHead without(String name) {
    return new HttpHead(
        startLine, fields.stream().filter(f -> !f.name().equalsIgnoreCase(name)).toList());
  }

  /** How the body after this head is delimited (RFC 9112 §6.3). */
  BodyFraming requestFraming() {
    if (hasToken("Transfer-Encoding", "chunked")) {
      return BodyFraming.chunked();
    }
    return header("Content-Length")
        .map(v -> BodyFraming.length(Long.parseLong(v)))
        .orElse(BodyFraming.none());
  }

  /** How a response body is delimited, given the method of the request it answers. */
  BodyFraming responseFraming(String requestMethod) {
    int status = status();
    if (requestMethod.equals("HEAD") || status / 100 == 1 || status == 204 || status == 304) {
      return BodyFraming.none();
    }
    if (hasToken("Transfer-Encoding", "chunked")) {
      return BodyFraming.chunked();
    }
    return header("Content-Length")
        .map(v -> BodyFraming.length(Long.parseLong(v)))
        .orElse(BodyFraming.untilClose());
  }

  byte[] bytes() {
    StringBuilder text = new StringBuilder(startLine).append("\r\n");
    for (Field field : fields) {
      text.append(field.name()).append(": ").append(field.value()).append("\r\n");
    }
    return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
