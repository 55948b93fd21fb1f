package dev.lade.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lade.oci.digest.Digest;
import dev.lade.registry.auth.Credential;
import dev.lade.registry.auth.CredentialSource;
import dev.lade.registry.blob.BlobSource;
import dev.lade.registry.testing.ArmedFault;
import dev.lade.registry.testing.Fault;
import dev.lade.registry.testing.FaultProxy;
import dev.lade.registry.testing.FaultRule;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.TinyImage;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers that distribution 2.8 never gives on its own (schema 1, a chunk minimum, a redirect to
 * storage, a refused or resumable monolithic upload), injected by the {@link FaultProxy} in front of the real registry.
 */
class InjectedAnswersTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path certsD;
  private FaultProxy proxy;
  private final TinyImage image = TinyImage.create();

  @BeforeEach
  void start() throws Exception {
    proxy = FaultProxy.inFrontOf(registry.registry());
  }

  @AfterEach
  void stop() {
    proxy.close();
  }

  @Test
  void refusesASchema1ManifestWithAClearMessage() throws Exception {
    proxy.inject(FaultRule.on("GET", "/v2/lade/old/manifests/.*", new Fault.Respond(200,
        Map.of("Content-Type", "application/vnd.docker.distribution.manifest.v1+prettyjws"),
        "{\"schemaVersion\":1,\"name\":\"lade/old\",\"tag\":\"1\",\"fsLayers\":[]}")));

    try (RegistryClient client = RegistryClient.forRegistry(proxy.host(), TestConfigs.anonymous(certsD))) {
      RegistryException e = assertThrows(RegistryException.class, () -> client.manifests().get("lade/old", "1"));

      assertEquals("registry " + proxy.host() + ": pull manifest lade/old:1: invalid image manifest: "
          + "unsupported media type application/vnd.docker.distribution.manifest.v1+prettyjws: "
          + "Docker schema 1 manifests are not supported", e.getMessage());
    }
  }

  @Test
  void honoursTheRegistrysChunkMinimum() throws Exception {
    byte[] blob = new byte[5 << 20];
    new Random(5).nextBytes(blob);
    Digest digest = Digest.sha256(blob);
    proxy.inject(FaultRule.on("POST", "/v2/lade/min/blobs/uploads/", new Fault.Respond(202,
        Map.of("Location", openUploadSession("lade/min"), "OCI-Chunk-Min-Length", Integer.toString(2 << 20)), "")));
    ArmedFault patches = proxy.inject(
        FaultRule.on("PATCH", "/v2/lade/min/blobs/uploads/.*", Fault.status(500)).times(0));
    RegistryConfig config = TestConfigs.anonymous(certsD).withUploads(new UploadOptions(0, 1 << 20, 2));

    try (RegistryClient client = RegistryClient.forRegistry(proxy.host(), config)) {
      client.blobs().upload("lade/min", digest, blob.length, BlobSource.of(blob));

      assertEquals(3, patches.matches(), "2 MiB, 2 MiB and the last 1 MiB instead of five 1 MiB chunks");
      try (InputStream in = client.blobs().open("lade/min", digest, blob.length)) {
        assertArrayEquals(blob, in.readAllBytes());
      }
    }
  }

  @Test
  void aBlobRefusedWholeGoesInChunks() throws Exception {
    byte[] blob = randomBytes(3 << 20, 6);
    Digest digest = Digest.sha256(blob);
    ArmedFault tooLarge = proxy.inject(
        FaultRule.on("PUT", "/v2/lade/whole/blobs/uploads/.*", Fault.status(413)).times(1));
    ArmedFault patches = proxy.inject(
        FaultRule.on("PATCH", "/v2/lade/whole/blobs/uploads/.*", Fault.status(500)).times(0));

    try (RegistryClient client = RegistryClient.forRegistry(proxy.host(), TestConfigs.anonymous(certsD))) {
      client.blobs().upload("lade/whole", digest, blob.length, BlobSource.of(blob));

      assertEquals(1, tooLarge.injections());
      assertEquals(1, patches.matches(), "one 16 MiB chunk holds the 3 MiB");
      assertDownloads(client, "lade/whole", digest, blob);
    }
  }

  /**
   * A monolithic {@code PUT} that breaks off goes on in chunks from where the registry got to.
   * distribution forgets such a session, so the proxy plays the session's answer, pointing at a
   * real session that holds the first megabyte.
   */
  @Test
  void aBrokenWholeUploadResumesWhereTheRegistryGotTo() throws Exception {
    byte[] blob = randomBytes(3 << 20, 7);
    Digest digest = Digest.sha256(blob);
    int kept = 1 << 20;
    String resumed = patchDirectly(openUploadSession("lade/resume"), blob, kept);
    String broken = "/v2/lade/resume/blobs/uploads/broken";
    ArmedFault posts = proxy.inject(FaultRule.on("POST", "/v2/lade/resume/blobs/uploads/",
        new Fault.Respond(202, Map.of("Location", broken), "")).times(1));
    ArmedFault reset = proxy.inject(FaultRule.on("PUT", broken, Fault.resetRequestBodyAfter(200_000)));
    proxy.inject(FaultRule.on("GET", broken,
        new Fault.Respond(204, Map.of("Location", resumed, "Range", "0-" + (kept - 1)), "")));
    ArmedFault patches = proxy.inject(
        FaultRule.on("PATCH", "/v2/lade/resume/blobs/uploads/.*", Fault.status(500)).times(0));

    try (RegistryClient client = RegistryClient.forRegistry(proxy.host(), TestConfigs.anonymous(certsD))) {
      client.blobs().upload("lade/resume", digest, blob.length, BlobSource.of(blob));

      assertEquals(1, posts.matches(), "no new session");
      assertEquals(1, reset.injections());
      assertEquals(1, patches.matches(), "the 2 MiB after the kept one, in one chunk");
      assertDownloads(client, "lade/resume", digest, blob);
    }
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static void assertDownloads(RegistryClient client, String repository, Digest digest, byte[] blob)
      throws Exception {
    try (InputStream in = client.blobs().open(repository, digest, blob.length)) {
      assertArrayEquals(blob, in.readAllBytes());
    }
  }

  /** Sends the first {@code length} bytes of {@code blob} to a session at the registry; its next URL as a path. */
  private String patchDirectly(String session, byte[] blob, int length) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<Void> response = http.send(
          HttpRequest.newBuilder(URI.create(registry.url() + session))
              .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(blob, 0, length))
              .header("Content-Type", "application/octet-stream")
              .header("Content-Range", "0-" + (length - 1)).build(),
          HttpResponse.BodyHandlers.discarding());
      assertEquals(202, response.statusCode());
      URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
      return location.getRawPath() + "?" + location.getRawQuery();
    }
  }

  @Test
  void followsARedirectToStorageWithoutTheCredentials() throws Exception {
    AtomicReference<String> storageAuthorization = new AtomicReference<>("not asked");
    HttpServer storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    storage.createContext("/layer", exchange -> {
      storageAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.sendResponseHeaders(200, image.layer().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(image.layer());
      }
    });
    storage.start();
    // The first ping (after the probe) is challenged, so the client sends Basic credentials from then on.
    proxy.inject(FaultRule.on("GET", "/v2/", new Fault.Respond(401,
        Map.of("WWW-Authenticate", "Basic realm=\"lade-test\""), "")).skipping(1));
    proxy.inject(FaultRule.on("GET", "/v2/lade/redirect/blobs/sha256:.*", new Fault.Respond(307,
        Map.of("Location", "http://127.0.0.1:" + storage.getAddress().getPort() + "/layer"), "")));
    RegistryConfig config = TestConfigs.anonymous(certsD).withCredentials(CredentialSource.of(
        Map.of(proxy.host(), new Credential.UsernamePassword("lade", "registry-only-secret"))));

    try (RegistryClient client = RegistryClient.forRegistry(proxy.host(), config)) {
      client.ping();
      try (InputStream in = client.blobs().open("lade/redirect", Digest.parse(image.layerDigest()), image.layer().length)) {
        assertArrayEquals(image.layer(), in.readAllBytes());
      }
    } finally {
      storage.stop(0);
    }
    assertNull(storageAuthorization.get());
    assertTrue(proxy.injectedCount() >= 2);
  }

  /** A real upload session at the registry; its URL as a path, so requests go through the proxy. */
  private String openUploadSession(String repository) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<Void> response = http.send(
          HttpRequest.newBuilder(URI.create(registry.url() + "/v2/" + repository + "/blobs/uploads/"))
              .POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
      URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
      return location.getRawPath() + "?" + location.getRawQuery();
    }
  }
}
