package dev.lade.registry.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;

/**
 * Distribution API calls made with the JDK's HttpClient, for tests of the fixtures themselves
 * (lade's own registry client is what later tests exercise).
 */
final class RegistryHttp implements AutoCloseable {

  private final URI base;
  private final HttpClient http;
  private final String authorization;

  private RegistryHttp(URI base, HttpClient http, String authorization) {
    this.base = base;
    this.http = http;
    this.authorization = authorization;
  }

  /**
   * Calls to {@code base}, trusting {@code ssl} (may be null for plain HTTP), sending {@code
   * authorization} (may be null).
   */
  static RegistryHttp to(URI base, SSLContext ssl, String authorization) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5));
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    return new RegistryHttp(base, builder.build(), authorization);
  }

  static RegistryHttp to(LocalRegistry registry) {
    return to(registry.url(), registry.options().tls() ? registry.sslContext() : null, null);
  }

  /** The same client (sharing its connections) sending another {@code Authorization} header. */
  RegistryHttp withAuthorization(String newAuthorization) {
    return new RegistryHttp(base, http, newAuthorization);
  }

  HttpResponse<byte[]> send(String method, String path, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    return send(request(method, base.resolve(path), body).build());
  }

  HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<java.io.InputStream> sendStreaming(HttpRequest request)
      throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
  }

  HttpRequest.Builder request(String method, URI uri, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri).method(method, body).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return send("GET", path, HttpRequest.BodyPublishers.noBody());
  }

  HttpResponse<byte[]> headBlob(String repository, String digest)
      throws IOException, InterruptedException {
    return send(
        "HEAD", "/v2/" + repository + "/blobs/" + digest, HttpRequest.BodyPublishers.noBody());
  }

  /**
   * Uploads {@code content} monolithically (POST, then PUT with the digest); returns the digest.
   */
  String pushBlob(String repository, byte[] content) throws IOException, InterruptedException {
    String digest = sha256(content);
    HttpResponse<byte[]> start =
        send("POST", "/v2/" + repository + "/blobs/uploads/", HttpRequest.BodyPublishers.noBody());
    expect(202, start);
    URI location = base.resolve(start.headers().firstValue("Location").orElseThrow());
    String separator = location.getRawQuery() == null ? "?" : "&";
    URI put = URI.create(location + separator + "digest=" + digest);
    HttpResponse<byte[]> done =
        send(
            request("PUT", put, HttpRequest.BodyPublishers.ofByteArray(content))
                .header("Content-Type", "application/octet-stream")
                .build());
    expect(201, done);
    return digest;
  }

  /** Uploads a manifest under {@code reference}; returns its digest. */
  String putManifest(String repository, String reference, String mediaType, byte[] manifest)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        send(
            request(
                    "PUT",
                    base.resolve("/v2/" + repository + "/manifests/" + reference),
                    HttpRequest.BodyPublishers.ofByteArray(manifest))
                .header("Content-Type", mediaType)
                .build());
    expect(201, response);
    return response.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }

  static void expect(int status, HttpResponse<byte[]> response) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          "%s %s: expected %d but got %d: %s"
              .formatted(
                  response.request().method(),
                  response.uri(),
                  status,
                  response.statusCode(),
                  new String(response.body(), StandardCharsets.UTF_8)));
    }
  }

  static String sha256(byte[] content) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
