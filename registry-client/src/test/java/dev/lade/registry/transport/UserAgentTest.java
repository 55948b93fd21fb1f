package dev.lade.registry.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.client.http.LowLevelHttpResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every request, whichever JDK client sends it, carries lade's User-Agent and no JDK one. */
class UserAgentTest {
  private static final String AGENT = "lade/1.0 (test)";

  private final Map<String, List<String>> agents = new ConcurrentHashMap<>();
  private HttpServer server;
  private UrlConnectionTransport transport;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      agents.put(exchange.getRequestMethod(), exchange.getRequestHeaders().get("User-Agent"));
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    transport = new UrlConnectionTransport(
        new TlsSource(UserAgentTest::defaultTls), ProxySelector.of(null), Duration.ofSeconds(5), AGENT);
  }

  private static SSLContext defaultTls() throws IOException {
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  @AfterEach
  void stop() {
    transport.shutdown();
    server.stop(0);
  }

  @Test
  void getPostAndPatchCarryLadesUserAgentOnly() throws Exception {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    for (String method : List.of("GET", "POST", "PATCH")) {
      var request = transport.request(method, url);
      if (!method.equals("GET")) RequestBody.of(new byte[] {1, 2, 3}, null).attachTo(request);
      LowLevelHttpResponse response = request.execute();
      assertEquals(204, response.getStatusCode());
      response.disconnect();
    }

    assertEquals(Map.of("GET", List.of(AGENT), "POST", List.of(AGENT), "PATCH", List.of(AGENT)), agents);
  }
}
