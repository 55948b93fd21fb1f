package dev.lade.registry.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultProxyTest {

  private static final String BLOBS = "/v2/lade/faults/blobs/.*";
  private static final String UPLOADS = "/v2/lade/faults/blobs/uploads/.*";

  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @AutoClose private final FaultProxy proxy;
  @AutoClose private final RegistryHttp http;

  FaultProxyTest() throws IOException {
    proxy = FaultProxy.inFrontOf(registry.registry());
    http = RegistryHttp.to(proxy.url(), null, null);
  }

  @Test
  void forwardsFaithfullyOverOneKeepAliveConnection() throws Exception {
    byte[] content = "through the proxy".getBytes(StandardCharsets.UTF_8);

    String digest = http.pushBlob("lade/faults", content);
    HttpResponse<byte[]> head = http.headBlob("lade/faults", digest);
    HttpResponse<byte[]> get = http.get("/v2/lade/faults/blobs/" + digest);

    assertEquals(content.length, head.headers().firstValueAsLong("Content-Length").orElseThrow());
    assertArrayEquals(content, get.body());
    assertEquals(
        List.of(4, 0, 1),
        List.of(proxy.forwardedCount(), proxy.injectedCount(), proxy.connectionCount()));
  }

  @Test
  void streamsALargeChunkedUpload() throws Exception {
    byte[] content = new byte[8 * 1024 * 1024 + 17];
    new Random(42).nextBytes(content);
    URI upload = startUpload();

    // No length known up front: the JDK client sends the body chunked.
    HttpResponse<byte[]> patch =
        http.send(
            http.request(
                    "PATCH",
                    upload,
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(content)))
                .header("Content-Type", "application/octet-stream")
                .build());
    RegistryHttp.expect(202, patch);
    String digest = RegistryHttp.sha256(content);
    URI location = proxy.url().resolve(patch.headers().firstValue("Location").orElseThrow());
    RegistryHttp.expect(
        201,
        http.send(
            http.request(
                    "PUT",
                    URI.create(location + "&digest=" + digest),
                    HttpRequest.BodyPublishers.noBody())
                .build()));

    assertEquals(digest, downloadedDigest("/v2/lade/faults/blobs/" + digest));
  }

  @Test
  void answers500AndThenForwardsTheNextRequest() throws Exception {
    ArmedFault fault = proxy.inject(FaultRule.on("GET", "/v2/", Fault.status(500)));

    HttpResponse<byte[]> failed = http.get("/v2/");
    HttpResponse<byte[]> passed = http.get("/v2/");

    assertEquals(500, failed.statusCode());
    assertTrue(new String(failed.body(), StandardCharsets.UTF_8).contains("\"errors\""));
    assertEquals(200, passed.statusCode());
    assertEquals(1, fault.injections());
    assertEquals(1, proxy.connectionCount(), "a drained, answered request keeps the connection");
  }

  @Test
  void answers429WithRetryAfter() throws Exception {
    String digest = http.pushBlob("lade/faults", "rate limited".getBytes(StandardCharsets.UTF_8));
    proxy.inject(FaultRule.on("HEAD", BLOBS, Fault.tooManyRequests(Duration.ofSeconds(2))));

    HttpResponse<byte[]> limited = http.headBlob("lade/faults", digest);
    HttpResponse<byte[]> passed = http.headBlob("lade/faults", digest);

    assertEquals(429, limited.statusCode());
    assertEquals("2", limited.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(200, passed.statusCode());
    assertEquals(1, proxy.injectedCount());
  }

  @Test
  void resetsTheConnectionInTheMiddleOfAResponseBody() throws Exception {
    byte[] content = new byte[100_000];
    new Random(7).nextBytes(content);
    String digest = http.pushBlob("lade/faults", content);
    ArmedFault fault = proxy.inject(FaultRule.on("GET", BLOBS, Fault.resetResponseBodyAfter(1000)));

    assertThrows(IOException.class, () -> http.get("/v2/lade/faults/blobs/" + digest));
    HttpResponse<byte[]> passed = http.get("/v2/lade/faults/blobs/" + digest);

    assertArrayEquals(content, passed.body());
    assertEquals(1, fault.injections());
  }

  @Test
  void resetsWithATcpResetNotAnOrderlyClose() throws Exception {
    byte[] content = new byte[100_000];
    String digest = http.pushBlob("lade/faults", content);
    proxy.inject(FaultRule.on("GET", BLOBS, Fault.resetResponseBodyAfter(10)));

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET /v2/lade/faults/blobs/" + digest + " HTTP/1.1\r\nHost: " + proxy.host() + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();

      SocketException reset =
          assertThrows(SocketException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
      assertTrue(reset.getMessage().contains("reset"), reset::getMessage);
    }
  }

  @Test
  void resetsTheConnectionInTheMiddleOfARequestBody() throws Exception {
    byte[] content = new byte[200_000];
    new Random(9).nextBytes(content);
    ArmedFault fault =
        proxy.inject(FaultRule.on("PUT", UPLOADS, Fault.resetRequestBodyAfter(1000)));

    assertThrows(IOException.class, () -> http.pushBlob("lade/faults", content));
    String digest = http.pushBlob("lade/faults", content);

    assertEquals(200, http.headBlob("lade/faults", digest).statusCode());
    assertEquals(List.of(2, 1), List.of(fault.matches(), fault.injections()));
  }

  @Test
  void stallsARequestPastTheClientsTimeout() throws Exception {
    proxy.inject(FaultRule.on("GET", "/v2/", Fault.stall(Duration.ofSeconds(30))));
    HttpRequest impatient =
        http.request("GET", proxy.url().resolve("/v2/"), HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofMillis(200))
            .build();

    assertThrows(HttpTimeoutException.class, () -> http.send(impatient));
    Instant before = Instant.now();
    HttpResponse<byte[]> next = http.get("/v2/");

    assertEquals(200, next.statusCode());
    assertTrue(Duration.between(before, Instant.now()).toMillis() < 15_000, "next was stalled too");
    assertEquals(List.of(1, 1), List.of(proxy.forwardedCount(), proxy.injectedCount()));
  }

  @Test
  void followsItsScheduleDeterministically() throws Exception {
    ArmedFault fault =
        proxy.inject(FaultRule.on("*", "/v2/", Fault.status(503)).skipping(1).times(2));

    List<Integer> statuses = List.of(status(), status(), status(), status());

    assertEquals(List.of(200, 503, 503, 200), statuses);
    assertEquals(List.of(4, 2), List.of(fault.matches(), fault.injections()));
    assertEquals(List.of(2, 2), List.of(proxy.forwardedCount(), proxy.injectedCount()));
  }

  private URI startUpload() throws Exception {
    HttpResponse<byte[]> start =
        http.send("POST", "/v2/lade/faults/blobs/uploads/", HttpRequest.BodyPublishers.noBody());
    RegistryHttp.expect(202, start);
    return proxy.url().resolve(start.headers().firstValue("Location").orElseThrow());
  }

  private String downloadedDigest(String path) throws Exception {
    HttpResponse<InputStream> response =
        http.sendStreaming(
            http.request("GET", proxy.url().resolve(path), HttpRequest.BodyPublishers.noBody())
                .build());
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    try (InputStream body = new DigestInputStream(response.body(), sha256)) {
      body.transferTo(OutputStream.nullOutputStream());
    }
    return "sha256:" + HexFormat.of().formatHex(sha256.digest());
  }

  private int status() throws Exception {
    return http.get("/v2/").statusCode();
  }
}
