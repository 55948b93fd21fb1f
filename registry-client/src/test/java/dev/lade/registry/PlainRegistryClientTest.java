package dev.lade.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.image.MediaType;
import dev.lade.registry.blob.BlobSource;
import dev.lade.registry.blob.BlobVerificationException;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.TinyImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PlainRegistryClientTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path certsD;
  private RegistryClient client;
  private final TinyImage image = TinyImage.create();

  @BeforeEach
  void connect() {
    client = RegistryClient.forRegistry(registry.host(), TestConfigs.anonymous(certsD));
  }

  @AfterEach
  void close() throws Exception {
    client.close();
  }

  @Test
  void pingsOverPlainHttpOnLoopbackAfterHttpsFails() throws Exception {
    client.ping();

    assertEquals("http://" + registry.host(), client.baseUrl().toString());
  }

  @Test
  void manifestRoundTripKeepsTheExactBytes() throws Exception {
    push("lade/round", image);
    byte[] manifest = image.manifest();

    PulledManifest pulled = client.manifests().get("lade/round", "v1");
    PulledManifest byDigest = client.manifests().get("lade/round", image.manifestDigest());

    assertArrayEquals(manifest, pulled.bytes());
    assertEquals(image.manifestDigest(), pulled.digest().toString());
    assertEquals(MediaType.OCI_MANIFEST, pulled.mediaType());
    assertEquals(Digest.parse(image.layerDigest()),
        ((Manifest) pulled.document().value()).layers().get(0).digest());
    assertArrayEquals(manifest, byDigest.bytes());
    assertEquals(
        Descriptor.of(MediaType.OCI_MANIFEST, Digest.parse(image.manifestDigest()), manifest.length),
        client.manifests().head("lade/round", "v1").orElseThrow());
  }

  @Test
  void unknownManifestIsAnErrorFromTheRegistryBodyInOneLine() throws Exception {
    RegistryException e = assertThrows(RegistryException.class,
        () -> client.manifests().get("lade/none", "nope"));

    assertEquals(404, e.status());
    assertTrue(e.hasCode("MANIFEST_UNKNOWN"), e.getMessage());
    assertEquals("registry " + registry.host() + ": pull manifest lade/none:nope: MANIFEST_UNKNOWN: manifest unknown",
        e.getMessage());
    assertTrue(client.manifests().head("lade/none", "nope").isEmpty());
  }

  @Test
  void pushingAManifestWhoseBlobsAreMissingFailsWithTheRegistryCode() {
    RegistryException e = assertThrows(RegistryException.class,
        () -> client.manifests().put("lade/orphan", "1", MediaType.OCI_MANIFEST, image.manifest()));

    assertEquals(400, e.status());
    assertTrue(e.getMessage().startsWith("registry " + registry.host() + ": push manifest lade/orphan:1: MANIFEST_BLOB_UNKNOWN: "),
        e.getMessage());
  }

  @Test
  void refusesToPushDockerSchema1() {
    RegistryException e = assertThrows(RegistryException.class, () -> client.manifests()
        .put("lade/old", "1", MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST, "{}".getBytes(StandardCharsets.UTF_8)));

    assertTrue(e.getMessage().contains("Docker schema 1 manifests are not supported"), e.getMessage());
  }

  @Test
  void deletesAManifestByDigest() throws Exception {
    push("lade/delete", image);
    Digest digest = Digest.parse(image.manifestDigest());

    client.manifests().delete("lade/delete", digest);

    assertTrue(client.manifests().head("lade/delete", digest.toString()).isEmpty());
  }

  @Test
  void blobDownloadIsVerifiedAgainstSize() throws Exception {
    push("lade/verify", image);
    Digest layer = Digest.parse(image.layerDigest());

    try (InputStream in = client.blobs().open("lade/verify", layer, image.layer().length)) {
      assertArrayEquals(image.layer(), in.readAllBytes());
    }
    try (InputStream in = client.blobs().open("lade/verify", layer, image.layer().length + 1L)) {
      BlobVerificationException e = assertThrows(BlobVerificationException.class, in::readAllBytes);
      assertTrue(e.getMessage().contains("got " + image.layer().length + " bytes"), e.getMessage());
    }
  }

  /** Blobs up to the monolithic limit go in one {@code PUT ?digest=}; larger ones in {@code PATCH} chunks. */
  @Test
  void smallBlobsGoInOnePutLargeOnesInChunks() throws Exception {
    byte[] small = new byte[1024];
    byte[] big = new byte[5 * 1024 * 1024 + 123];
    java.util.Random random = new java.util.Random(7);
    random.nextBytes(small);
    random.nextBytes(big);
    Digest digest = Digest.sha256(big);

    try (RegistryClient chunked = RegistryClient.forRegistry(registry.host(),
        TestConfigs.anonymous(certsD).withUploads(new UploadOptions(1024, 1024 * 1024, 3)))) {
      chunked.blobs().upload("lade/small", Digest.sha256(small), small.length, BlobSource.of(small));
      chunked.blobs().upload("lade/big", digest, big.length, BlobSource.of(big));
    }

    assertEquals(big.length, client.blobs().size("lade/big", digest).orElseThrow());
    try (InputStream in = client.blobs().open("lade/big", digest, big.length)) {
      assertArrayEquals(big, in.readAllBytes());
    }
    assertEquals(List.of("POST", "PUT digest"), uploadRequests("lade/small"));
    assertEquals(List.of("POST", "PATCH", "PATCH", "PATCH", "PATCH", "PATCH", "PATCH", "PUT digest"),
        uploadRequests("lade/big"), "5 MiB and 123 bytes in 1 MiB chunks");
  }

  /** The upload requests the registry logged for {@code repository}, in order: their method, and whether they named a digest. */
  private static List<String> uploadRequests(String repository) throws Exception {
    String uploads = "/v2/" + repository + "/blobs/uploads/";
    return registry.registry().requests(logged -> logged.stream().anyMatch(r -> r.target().startsWith(uploads) && r.method().equals("PUT")))
        .stream()
        .filter(r -> r.target().startsWith(uploads))
        .map(r -> r.method() + (r.target().contains("digest=") ? " digest" : ""))
        .toList();
  }

  @Test
  void uploadWithTheWrongDigestIsRefusedByTheRegistry() {
    byte[] content = "some content".getBytes(StandardCharsets.UTF_8);
    Digest wrong = Digest.sha256("other".getBytes(StandardCharsets.UTF_8));

    RegistryException e = assertThrows(RegistryException.class,
        () -> client.blobs().upload("lade/wrong", wrong, content.length, BlobSource.of(content)));

    assertTrue(e.hasCode("DIGEST_INVALID"), e.getMessage());
  }

  @Test
  void mountsABlobFromAnotherRepository() throws Exception {
    push("lade/source", image);
    Digest layer = Digest.parse(image.layerDigest());

    assertTrue(client.blobs().mount("lade/target", layer, "lade/source"));
    assertTrue(client.blobs().exists("lade/target", layer));
  }

  @Test
  void mountOfAnAbsentBlobFallsBackToUpload() throws Exception {
    Digest absent = Digest.sha256("never pushed".getBytes(StandardCharsets.UTF_8));

    assertFalse(client.blobs().mount("lade/target2", absent, "lade/nowhere"));
    assertFalse(client.blobs().exists("lade/target2", absent));
  }

  @Test
  void listsTags() throws Exception {
    push("lade/tags", image);
    for (int i = 0; i < 3; i++) {
      client.manifests().put("lade/tags", "t" + i, MediaType.OCI_MANIFEST, image.manifest());
    }

    // distribution 2.8 ignores n and last for tags (its catalog pages; see FaultyRegistryClientTest).
    assertEquals(java.util.Set.of("t0", "t1", "t2", "v1"), java.util.Set.copyOf(client.tags().list("lade/tags")));
    assertEquals(4, client.tags().list("lade/tags", 2).size());
  }

  static void push(RegistryClient client, String repository, TinyImage image) throws Exception {
    client.blobs().upload(repository, Digest.parse(image.layerDigest()), image.layer().length, BlobSource.of(image.layer()));
    client.blobs().upload(repository, Digest.parse(image.configDigest()), image.config().length, BlobSource.of(image.config()));
    client.manifests().put(repository, "v1", MediaType.OCI_MANIFEST, image.manifest());
  }

  private void push(String repository, TinyImage image) throws Exception {
    push(client, repository, image);
  }
}
