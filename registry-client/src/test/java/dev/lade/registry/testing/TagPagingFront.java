package dev.lade.registry.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-HTTP front for a {@link LocalRegistry} that pages tag lists as distribution 3 and the
 * OCI distribution spec do, which distribution 2.8 does not (it ignores {@code n} and {@code last}
 * for tags and sends them all): tags sorted, at most {@code n} after {@code last}, and a {@code
 * Link: </v2/NAME/tags/list?n=N&last=T>; rel="next"} header while more remain. The tags come from
 * the registry behind; every other GET or HEAD is passed through unchanged.
 */
public final class TagPagingFront implements AutoCloseable {
  private static final Pattern TAGS = Pattern.compile("/v2/(.+)/tags/list");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final URI upstream;
  private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
  private final AtomicInteger tagPages = new AtomicInteger();

  private TagPagingFront(URI upstream) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a front on a free loopback port for a plain-HTTP {@code registry}. */
  public static TagPagingFront inFrontOf(LocalRegistry registry) throws IOException {
    return new TagPagingFront(registry.url());
  }

  /** {@code 127.0.0.1:PORT}, to name repositories behind the front. */
  public String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** How many pages of tags the front has served. */
  public int tagPages() {
    return tagPages.get();
  }

  @Override
  public void close() {
    server.stop(0);
    http.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Matcher tags = TAGS.matcher(exchange.getRequestURI().getPath());
      if (method.equals("GET") && tags.matches()) {
        pageOfTags(exchange, tags.group(1));
      } else {
        passThrough(exchange);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pageOfTags(HttpExchange exchange, String name) throws IOException, InterruptedException {
    HttpResponse<byte[]> all = http.send(upstreamRequest(exchange, "/v2/" + name + "/tags/list"),
        HttpResponse.BodyHandlers.ofByteArray());
    if (all.statusCode() != 200) {
      reply(exchange, all.statusCode(), all.body(), Map.of());
      return;
    }
    ObjectNode listing = (ObjectNode) JSON.readTree(all.body());
    List<String> sorted = new ArrayList<>();
    listing.withArray("tags").forEach(tag -> sorted.add(tag.asText()));
    sorted.sort(null);
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String last = query.get("last");
    List<String> after = last == null ? sorted : sorted.stream().filter(t -> t.compareTo(last) > 0).toList();
    int n = query.containsKey("n") ? Integer.parseInt(query.get("n")) : after.size();
    List<String> page = after.subList(0, Math.min(n, after.size()));
    Map<String, String> headers = new HashMap<>();
    if (after.size() > page.size()) {
      headers.put("Link", "</v2/" + name + "/tags/list?n=" + n + "&last="
          + URLEncoder.encode(page.get(page.size() - 1), StandardCharsets.UTF_8) + ">; rel=\"next\"");
    }
    listing.set("tags", JSON.valueToTree(page));
    tagPages.incrementAndGet();
    reply(exchange, 200, JSON.writeValueAsBytes(listing), headers);
  }

  private void passThrough(HttpExchange exchange) throws IOException, InterruptedException {
    HttpResponse<InputStream> answer = http.send(
        upstreamRequest(exchange, exchange.getRequestURI().getRawPath()), HttpResponse.BodyHandlers.ofInputStream());
    answer.headers().map().forEach((header, values) -> {
      if (!header.equalsIgnoreCase("content-length") && !header.equalsIgnoreCase("transfer-encoding")) {
        exchange.getResponseHeaders().put(header, values);
      }
    });
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(answer.statusCode(), head ? -1 : 0);
    try (InputStream body = answer.body(); OutputStream out = exchange.getResponseBody()) {
      if (!head) body.transferTo(out);
    }
  }

  private HttpRequest upstreamRequest(HttpExchange exchange, String path) {
    String query = exchange.getRequestURI().getRawQuery();
    boolean tags = TAGS.matcher(path).matches();
    HttpRequest.Builder request = HttpRequest.newBuilder(
        upstream.resolve(path + (query == null || tags ? "" : "?" + query)));
    request.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
    for (String header : List.of("Accept", "Authorization")) {
      List<String> values = exchange.getRequestHeaders().get(header);
      if (values != null) values.forEach(value -> request.header(header, value));
    }
    return request.build();
  }

  private static void reply(HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Docker-Distribution-Api-Version", "registry/2.0");
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new HashMap<>();
    if (raw == null) return parameters;
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }
}
