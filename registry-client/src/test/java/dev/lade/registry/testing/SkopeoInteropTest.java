package dev.lade.registry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the fixtures serve works with a real, independent client. */
class SkopeoInteropTest {

  private static final TinyImage IMAGE = TinyImage.create();

  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @BeforeAll
  static void uploadImage() throws Exception {
    try (RegistryHttp http = RegistryHttp.to(registry.registry())) {
      http.pushBlob("lade/tiny", IMAGE.layer());
      http.pushBlob("lade/tiny", IMAGE.config());
      http.putManifest("lade/tiny", "1.0", TinyImage.MANIFEST_MEDIA_TYPE, IMAGE.manifest());
    }
  }

  @Test
  void inspectsTheUploadedImage() throws Exception {
    JsonNode inspected = skopeoInspect(registry.host() + "/lade/tiny:1.0");

    assertEquals(IMAGE.manifestDigest(), inspected.get("Digest").asText());
    assertEquals(List.of(IMAGE.layerDigest()), strings(inspected.get("Layers")));
    assertEquals("amd64", inspected.get("Architecture").asText());
    assertEquals("linux", inspected.get("Os").asText());
    assertEquals(List.of("1.0"), strings(inspected.get("RepoTags")));
  }

  @Test
  void inspectsThroughAFaultProxyThatForwardsEverything() throws Exception {
    try (FaultProxy proxy = FaultProxy.inFrontOf(registry.registry())) {
      JsonNode inspected = skopeoInspect(proxy.host() + "/lade/tiny:1.0");

      assertEquals(IMAGE.manifestDigest(), inspected.get("Digest").asText());
      assertEquals(0, proxy.injectedCount());
      assertTrue(proxy.forwardedCount() >= 3, () -> "forwarded " + proxy.forwardedCount());
    }
  }

  private static JsonNode skopeoInspect(String reference) throws IOException, InterruptedException {
    Path errors = Files.createTempFile("skopeo-", ".err");
    try {
      Process skopeo =
          new ProcessBuilder(
                  Executables.skopeo().toString(),
                  "inspect",
                  "--tls-verify=false",
                  "docker://" + reference)
              .redirectError(errors.toFile())
              .start();
      byte[] out = skopeo.getInputStream().readAllBytes();
      if (!skopeo.waitFor(30, TimeUnit.SECONDS) || skopeo.exitValue() != 0) {
        skopeo.destroyForcibly();
        throw new AssertionError(
            "skopeo inspect " + reference + " failed: " + Files.readString(errors));
      }
      return new ObjectMapper().readTree(out);
    } finally {
      Files.delete(errors);
    }
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
