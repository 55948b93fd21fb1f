package dev.lade.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.MediaType;
import dev.lade.registry.blob.BlobSource;
import dev.lade.registry.testing.ArmedFault;
import dev.lade.registry.testing.Fault;
import dev.lade.registry.testing.FaultProxy;
import dev.lade.registry.testing.FaultRule;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.TinyImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Retries, resumes and restarts through a {@link FaultProxy} in front of a real registry. */
class FaultyRegistryClientTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path certsD;
  private FaultProxy proxy;
  private RegistryClient client;
  private final TinyImage image = TinyImage.create();

  @BeforeEach
  void start() throws Exception {
    proxy = FaultProxy.inFrontOf(registry.registry());
    client = RegistryClient.forRegistry(proxy.host(), TestConfigs.anonymous(certsD));
    client.ping();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    proxy.close();
  }

  @Test
  void retriesServerErrors() throws Exception {
    PlainRegistryClientTest.push(client, "lade/f500", image);
    ArmedFault fault = proxy.inject(FaultRule.on("GET", "/v2/lade/f500/manifests/.*", Fault.status(500)).times(2));

    assertArrayEquals(image.manifest(), client.manifests().get("lade/f500", "v1").bytes());
    assertEquals(2, fault.injections());
  }

  @Test
  void waitsAsTooManyRequestsAsks() throws Exception {
    PlainRegistryClientTest.push(client, "lade/f429", image);
    ArmedFault fault = proxy.inject(
        FaultRule.on("HEAD", "/v2/lade/f429/blobs/.*", Fault.tooManyRequests(Duration.ofSeconds(1))));

    long start = System.nanoTime();
    assertTrue(client.blobs().exists("lade/f429", Digest.parse(image.layerDigest())));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertEquals(1, fault.injections());
    assertTrue(waited.compareTo(Duration.ofMillis(950)) >= 0,
        "waited the second Retry-After asked for, not the 10 ms backoff: " + waited);
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheRegistryError() throws Exception {
    ArmedFault fault = proxy.inject(FaultRule.on("GET", "/v2/lade/f503/manifests/.*", Fault.status(503)).always());

    RegistryException e = assertThrows(RegistryException.class, () -> client.manifests().get("lade/f503", "v1"));

    assertEquals(503, e.status());
    assertEquals("registry " + proxy.host() + ": pull manifest lade/f503:v1: UNKNOWN: injected by FaultProxy", e.getMessage());
    assertEquals(TestConfigs.FAST_RETRY.maxAttempts(), fault.injections());
  }

  @Test
  void resumesABrokenDownloadWithRangeAndVerifiesIt() throws Exception {
    byte[] blob = random(200_000);
    Digest digest = Digest.sha256(blob);
    client.blobs().upload("lade/resume", digest, blob.length, BlobSource.of(blob));
    ArmedFault fault = proxy.inject(
        FaultRule.on("GET", "/v2/lade/resume/blobs/sha256:.*", Fault.resetResponseBodyAfter(50_000)).times(2));

    try (InputStream in = client.blobs().open("lade/resume", digest, blob.length)) {
      assertArrayEquals(blob, in.readAllBytes());
    }
    assertEquals(2, fault.injections());
    String path = "/v2/lade/resume/blobs/" + digest;
    List<Integer> statuses = registry.registry().requests(logged -> logged.stream().filter(r -> r.path().equals(path)).count() >= 3)
        .stream().filter(r -> r.method().equals("GET") && r.path().equals(path)).map(r -> r.status()).toList();
    assertEquals(List.of(200, 206, 206), statuses, "the broken downloads went on with Range from where they broke");
  }

  @Test
  void resumesAChunkedUploadAfterAResetAServerErrorAndA416() throws Exception {
    byte[] blob = random(1_000_000);
    Digest digest = Digest.sha256(blob);
    ArmedFault reset = proxy.inject(
        FaultRule.on("PATCH", "/v2/lade/chunks/blobs/uploads/.*", Fault.resetRequestBodyAfter(100_000)).skipping(1));
    ArmedFault error = proxy.inject(
        FaultRule.on("PATCH", "/v2/lade/chunks/blobs/uploads/.*", Fault.status(500)).skipping(3));
    ArmedFault outOfOrder = proxy.inject(FaultRule.on("PATCH", "/v2/lade/chunks/blobs/uploads/.*",
        new Fault.Respond(416, java.util.Map.of(), "")).skipping(5));

    uploadInChunks("lade/chunks", blob);

    assertEquals(1, reset.injections());
    assertEquals(1, error.injections());
    assertEquals(1, outOfOrder.injections());
    try (InputStream in = client.blobs().open("lade/chunks", digest, blob.length)) {
      assertArrayEquals(blob, in.readAllBytes());
    }
  }

  @Test
  void startsOverAResumedUploadThatTheRegistryRefusesAtItsClose() throws Exception {
    byte[] blob = random(600_000);
    Digest digest = Digest.sha256(blob);
    ArmedFault reset = proxy.inject(
        FaultRule.on("PATCH", "/v2/lade/refused/blobs/uploads/.*", Fault.resetRequestBodyAfter(100_000)).skipping(1));
    ArmedFault refused = proxy.inject(
        FaultRule.on("PUT", "/v2/lade/refused/blobs/uploads/.*", Fault.error(400, "DIGEST_INVALID")));

    uploadInChunks("lade/refused", blob);

    assertEquals(1, reset.injections());
    assertEquals(1, refused.injections());
    try (InputStream in = client.blobs().open("lade/refused", digest, blob.length)) {
      assertArrayEquals(blob, in.readAllBytes());
    }
  }

  /** Uploads {@code blob} in 256 KiB chunks (no monolithic upload), through the fault proxy. */
  private void uploadInChunks(String repository, byte[] blob) throws Exception {
    try (RegistryClient chunked = RegistryClient.forRegistry(proxy.host(),
        TestConfigs.anonymous(certsD).withUploads(new UploadOptions(0, 256 * 1024, 5)))) {
      chunked.blobs().upload(repository, Digest.sha256(blob), blob.length, BlobSource.of(blob));
    }
  }

  @Test
  void aDigestRefusedWithoutAResumeFailsAtOnce() throws Exception {
    byte[] blob = random(10_000);
    ArmedFault refused = proxy.inject(
        FaultRule.on("PUT", "/v2/lade/wrong/blobs/uploads/.*", Fault.error(400, "DIGEST_INVALID")).times(3));

    RegistryException e = assertThrows(RegistryException.class,
        () -> client.blobs().upload("lade/wrong", Digest.sha256(blob), blob.length, BlobSource.of(blob)));

    assertTrue(e.hasCode("DIGEST_INVALID"), e.getMessage());
    assertEquals(1, refused.injections());
  }

  @Test
  void restartsAMonolithicUploadThatFailed() throws Exception {
    byte[] blob = random(10_000);
    Digest digest = Digest.sha256(blob);
    ArmedFault fault = proxy.inject(
        FaultRule.on("PUT", "/v2/lade/restart/blobs/uploads/.*", Fault.resetRequestBodyAfter(1000)));

    client.blobs().upload("lade/restart", digest, blob.length, BlobSource.of(blob));

    assertEquals(1, fault.injections());
    assertEquals(blob.length, client.blobs().size("lade/restart", digest).orElseThrow());
  }

  @Test
  void anImagePushedAndPulledThroughFaultsArrivesVerified() throws Exception {
    proxy.inject(FaultRule.on("POST", "/v2/lade/rough/blobs/uploads/", Fault.status(502)));
    proxy.inject(FaultRule.on("PUT", "/v2/lade/rough/manifests/.*", Fault.status(500)));
    proxy.inject(FaultRule.on("GET", "/v2/lade/rough/manifests/.*", Fault.resetResponseBodyAfter(10)));
    proxy.inject(FaultRule.on("GET", "/v2/lade/rough/blobs/sha256:.*", Fault.resetResponseBodyAfter(20)));

    PlainRegistryClientTest.push(client, "lade/rough", image);
    PulledManifest manifest = client.manifests().get("lade/rough", "v1");
    byte[] layer;
    try (InputStream in = client.blobs().open("lade/rough", Digest.parse(image.layerDigest()), image.layer().length)) {
      layer = in.readAllBytes();
    }

    assertArrayEquals(image.manifest(), manifest.bytes());
    assertArrayEquals(image.layer(), layer);
    assertEquals(4, proxy.injectedCount());
  }

  @Test
  void listsTheCatalogPageByPage() throws Exception {
    for (int i = 0; i < 5; i++) {
      client.manifests().put("lade/cat" + i, "v1", MediaType.OCI_MANIFEST, pushBlobsFor("lade/cat" + i));
    }
    ArmedFault pages = proxy.inject(FaultRule.on("GET", "/v2/_catalog", Fault.status(500)).times(0));

    var repositories = client.catalog(2);

    assertTrue(repositories.containsAll(java.util.List.of("lade/cat0", "lade/cat1", "lade/cat2", "lade/cat3", "lade/cat4")),
        repositories.toString());
    assertEquals((repositories.size() + 1) / 2 + (repositories.size() % 2 == 0 ? 1 : 0), pages.matches(),
        "one request per page of two, and an empty last page when the count is even");
  }

  private byte[] pushBlobsFor(String repository) throws Exception {
    client.blobs().upload(repository, Digest.parse(image.layerDigest()), image.layer().length, BlobSource.of(image.layer()));
    client.blobs().upload(repository, Digest.parse(image.configDigest()), image.config().length, BlobSource.of(image.config()));
    return image.manifest();
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }
}
