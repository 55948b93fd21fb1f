package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.testing.Fault;
import dev.lade.registry.testing.FaultProxy;
import dev.lade.registry.testing.FaultRule;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.transfer.TestImages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a registry answers that lade must refuse: bytes other than their digest, an index that is no
 * JSON, schema 1, blobs and manifests it lacks, its own errors. Each is one line (with the
 * registry's error code where it sent one), a non-zero exit, and nothing partial in the store.
 */
class BrokenRegistryAnswersTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path temp;
  private FaultProxy proxy;
  private OciLayoutStore layout;

  @BeforeEach
  void start() throws IOException {
    proxy = FaultProxy.inFrontOf(registry.registry());
    layout = OciLayoutStore.open(temp.resolve("layout"));
  }

  @AfterEach
  void stop() {
    proxy.close();
  }

  private CliRun lade(String... args) {
    List<String> all = new ArrayList<>(List.of("--root", temp.resolve("store").toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  /** Pushes {@code image} from the test layout to {@code repository:1} with lade; its reference through the proxy. */
  private String pushed(String repository, Descriptor image) throws IOException {
    TestImages.named(layout, repository.replace('/', '-'), image);
    CliRun copy = lade("copy", "oci:" + layout.root() + ":" + repository.replace('/', '-'),
        "docker://" + registry.host() + "/" + repository + ":1");
    assertEquals(0, copy.exitCode(), copy.err());
    return proxy.host() + "/" + repository;
  }

  private Descriptor amd64(long seed) throws IOException {
    return TestImages.image(layout, Platform.of("linux", "amd64"), seed, 2000, 3000);
  }

  /**
   * Exit 1, one error line saying {@code reason} (after progress lines, if any), no name made, and
   * no blob partial: the store checks clean and keeps nothing once pruned.
   */
  private void assertRefused(CliRun pull, String reason) throws IOException {
    assertEquals(1, pull.exitCode(), pull.err());
    List<String> errors = pull.err().lines().filter(line -> line.startsWith("lade: ")).toList();
    assertEquals(1, errors.size(), pull.err());
    assertTrue(errors.get(0).contains(reason), pull.err());
    CliRun images = lade("images", "-q");
    assertEquals(0, images.exitCode(), images.err());
    assertEquals("", images.out(), "no name is made");
    CliRun fsck = lade("fsck");
    assertEquals(0, fsck.exitCode(), fsck.out() + fsck.err());
    lade("prune");
    try (Stream<Path> files = Files.walk(temp.resolve("store/blobs"))) {
      assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "nothing left once pruned");
    }
  }

  @Test
  void aManifestWhoseBytesAreNotItsDigestIsRefused() throws Exception {
    Descriptor image = amd64(1);
    String repository = pushed("lade/tampered", image);
    byte[] real = bytes(image);
    String tampered = new String(real, StandardCharsets.UTF_8).replace("\"layers\"", " \"layers\"");
    proxy.inject(FaultRule.on("GET", "/v2/lade/tampered/manifests/.*", new Fault.Respond(200,
        Map.of("Content-Type", MediaType.OCI_MANIFEST.value(), "Docker-Content-Digest", image.digest().toString()),
        tampered)).always());

    CliRun byTag = lade("pull", repository + ":1");
    assertRefused(byTag, "manifest has digest " + Digest.sha256(tampered.getBytes(StandardCharsets.UTF_8))
        + ", expected " + image.digest());
    assertRefused(lade("pull", repository + "@" + image.digest()), "expected " + image.digest());
  }

  @Test
  void anIndexThatIsNoJsonIsRefused() throws Exception {
    String repository = pushed("lade/badindex", amd64(2));
    proxy.inject(FaultRule.on("GET", "/v2/lade/badindex/manifests/1",
        new Fault.Respond(200, Map.of("Content-Type", MediaType.OCI_INDEX.value()), "{\"manifests\": [")));

    assertRefused(lade("pull", repository + ":1"), "pull manifest lade/badindex:1: invalid image index: malformed JSON");
  }

  @Test
  void aSchema1ManifestIsRefusedSayingSo() throws Exception {
    proxy.inject(FaultRule.on("GET", "/v2/lade/old/manifests/1", new Fault.Respond(200,
        Map.of("Content-Type", "application/vnd.docker.distribution.manifest.v1+prettyjws"),
        "{\"schemaVersion\":1,\"name\":\"lade/old\",\"tag\":\"1\",\"fsLayers\":[]}")));

    assertRefused(lade("pull", proxy.host() + "/lade/old:1"), "Docker schema 1 manifests are not supported");
  }

  /** The registry lost a layer (deleted after the push): its BLOB_UNKNOWN is the line, nothing stays. */
  @Test
  void aLayerTheRegistryLacksFailsWithItsErrorCode() throws Exception {
    Descriptor image = amd64(3);
    String repository = pushed("lade/lost", image);
    Digest layer = dev.lade.oci.image.Manifest.parse(bytes(image)).layers().get(1).digest();
    assertEquals(202, delete("/v2/lade/lost/blobs/" + layer));

    assertRefused(lade("pull", repository + ":1"), "BLOB_UNKNOWN");
  }

  /** An index whose manifest for this platform the registry no longer has: MANIFEST_UNKNOWN, nothing stays. */
  @Test
  void anIndexEntryTheRegistryLacksFailsWithItsErrorCode() throws Exception {
    Descriptor amd = amd64(4);
    Descriptor arm = TestImages.image(layout, Platform.of("linux", "arm64"), 5, 100);
    String repository = pushed("lade/partial", TestImages.index(layout, List.of(amd, arm)));
    assertEquals(202, delete("/v2/lade/partial/manifests/" + arm.digest()));

    assertRefused(lade("pull", "--platform", "linux/arm64", repository + ":1"), "MANIFEST_UNKNOWN");
  }

  @Test
  void aRegistryErrorIsShownWithItsCodeAndMessage() throws Exception {
    proxy.inject(FaultRule.on("GET", "/v2/lade/denied/manifests/1", new Fault.Respond(403,
        Map.of("Content-Type", "application/json"),
        "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\"}]}")));

    assertRefused(lade("pull", proxy.host() + "/lade/denied:1"),
        "pull manifest lade/denied:1: DENIED: requested access to the resource is denied");
  }

  private byte[] bytes(Descriptor descriptor) throws IOException {
    try (var in = layout.blobs().open(descriptor.digest())) {
      return in.readAllBytes();
    }
  }

  private static int delete(String path) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(URI.create(registry.url() + path)).DELETE().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }
}
