package dev.lade.oci.image;

import static dev.lade.oci.image.TestFiles.bytes;
import static dev.lade.oci.image.TestFiles.string;
import static dev.lade.oci.image.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.json.RawJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestTest {
  private static final String CONFIG =
      "sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7";
  private static final String LAYER =
      "sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0";

  @Test
  void parsesTheSpecExample() {
    Manifest m = Manifest.parse(bytes("spec/manifest.json"));
    assertEquals(MediaType.OCI_MANIFEST, m.mediaType());
    assertEquals(2, m.schemaVersion());
    assertEquals(Descriptor.of(MediaType.OCI_CONFIG, Digest.parse(CONFIG), 7023), m.config());
    assertEquals(3, m.layers().size());
    assertEquals(Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.parse(LAYER), 32654), m.layers().get(0));
    assertEquals(73109, m.layers().get(2).size());
    assertEquals(7682, m.subject().size());
    assertEquals(Map.of("com.example.key1", "value1", "com.example.key2", "value2"), m.annotations());
    assertEquals(Map.of(), m.extra());
  }

  @Test
  void rawJsonKeepsTheSpecBytesAndTheirDigest() {
    byte[] spec = bytes("spec/manifest.json");
    RawJson<Manifest> raw = RawJson.parse(spec, Manifest::parse);
    assertArrayEquals(spec, raw.bytes());
    assertEquals(Digest.sha256(spec), raw.digest());
    assertEquals(Descriptor.of(MediaType.OCI_MANIFEST, raw.digest(), spec.length), Descriptor.of(MediaType.OCI_MANIFEST, raw));
  }

  @Test
  void writesTheCanonicalFormBuildKitUses() {
    Manifest m = Manifest.parse(bytes("spec/manifest.json"));
    String expected =
        """
        {
          "mediaType": "application/vnd.oci.image.manifest.v1+json",
          "schemaVersion": 2,
          "config": {
            "mediaType": "application/vnd.oci.image.config.v1+json",
            "digest": "sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7",
            "size": 7023
          },
          "layers": [
            {
              "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
              "digest": "sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0",
              "size": 32654
            },
            {
              "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
              "digest": "sha256:3c3a4604a545cdc127456d94e421cd355bca5b528f4a9c1905b15da2eb4a4c6b",
              "size": 16724
            },
            {
              "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
              "digest": "sha256:ec4b8955958665577945c89419d1af06b5f7636b4ac3da7f12184802ad867736",
              "size": 73109
            }
          ],
          "subject": {
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270",
            "size": 7682
          },
          "annotations": {
            "com.example.key1": "value1",
            "com.example.key2": "value2"
          }
        }""";
    assertEquals(expected, string(m.toJson()));
    assertEquals(m, Manifest.parse(m.toJson()));
  }

  @Test
  void aManifestWithoutLayersWritesNullLikeGo() {
    Manifest m = Manifest.of(MediaType.DOCKER_MANIFEST, Descriptor.of(MediaType.DOCKER_CONFIG, Digest.parse(CONFIG), 10), List.of());
    assertEquals(
        """
        {
          "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
          "schemaVersion": 2,
          "config": {
            "mediaType": "application/vnd.docker.container.image.v1+json",
            "digest": "sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7",
            "size": 10
          },
          "layers": null
        }""",
        string(m.toJson()));
    assertEquals(m, Manifest.parse(m.toJson()));
  }

  @Test
  void parsesTheSpecArtifactExamples() {
    Manifest minimal = Manifest.parse(bytes("spec/artifact-minimal.json"));
    assertEquals(MediaType.of("application/vnd.example+type"), minimal.artifactType());
    assertEquals(Descriptor.EMPTY_JSON.mediaType(), minimal.config().mediaType());
    assertEquals(Descriptor.EMPTY_JSON.digest(), minimal.layers().get(0).digest());
    Manifest withConfig = Manifest.parse(bytes("spec/artifact-with-config.json"));
    assertEquals(MediaType.of("application/vnd.example.config.v1+json"), withConfig.config().mediaType());
    assertNull(withConfig.subject());
  }

  @Test
  void unknownFieldsSurviveARewrite() {
    String json =
        "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
            + "\"digest\":\"" + CONFIG + "\",\"size\":1},\"layers\":[],\"x-vendor\":{\"signed\":true}}";
    Manifest m = Manifest.parse(utf8(json));
    assertNull(m.mediaType());
    assertEquals("{\"signed\":true}", m.extra().get("x-vendor").toJson());
    assertEquals(m, Manifest.parse(m.toJson()));
  }

  private static String invalid(String json) {
    return assertThrows(InvalidImageException.class, () -> Manifest.parse(utf8(json))).getMessage();
  }

  private static final String CONFIG_JSON =
      "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + CONFIG + "\",\"size\":7023}";

  @Test
  void validationErrorsAreOneLineAndNameTheField() {
    assertEquals(
        "invalid image manifest: schemaVersion: must be 2, got 1 (Docker schema 1 manifests are not supported)",
        invalid("{\"schemaVersion\":1,\"name\":\"library/busybox\",\"fsLayers\":[]}"));
    assertEquals("invalid image manifest: schemaVersion: required field is missing", invalid("{" + CONFIG_JSON + ",\"layers\":[]}"));
    assertEquals("invalid image manifest: config: required field is missing", invalid("{\"schemaVersion\":2,\"layers\":[]}"));
    assertEquals("invalid image manifest: layers: required field is missing", invalid("{\"schemaVersion\":2," + CONFIG_JSON + "}"));
    assertEquals(
        "invalid image manifest: mediaType: expected an image manifest media type, got application/vnd.oci.image.index.v1+json",
        invalid("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\"," + CONFIG_JSON + ",\"layers\":[]}"));
    assertEquals(
        "invalid image manifest: manifests: not allowed in an image manifest",
        invalid("{\"schemaVersion\":2," + CONFIG_JSON + ",\"layers\":[],\"manifests\":[]}"));
    assertEquals(
        "invalid image manifest: layers[0].digest: invalid checksum digest length: sha256 needs 64 hex characters,"
            + " got 4 in \"sha256:abcd\"",
        invalid("{\"schemaVersion\":2," + CONFIG_JSON + ",\"layers\":[{\"mediaType\":\"a/b\",\"digest\":\"sha256:abcd\",\"size\":1}]}"));
    assertEquals(
        "invalid image manifest: layers[0].size: expected an integer, got a string",
        invalid("{\"schemaVersion\":2," + CONFIG_JSON + ",\"layers\":[{\"mediaType\":\"a/b\",\"digest\":\"" + LAYER + "\",\"size\":\"1\"}]}"));
    assertEquals("invalid image manifest: expected a JSON object, got an array", invalid("[]"));
  }

  @Test
  void malformedJsonIsReportedWithItsPosition() {
    String message = invalid("{\"schemaVersion\": 2,,}");
    assertEquals(1, message.lines().count());
    assertEquals(true, message.startsWith("invalid image manifest: malformed JSON: "), message);
    assertEquals(true, message.endsWith("at line 1, column 21"), message);
  }
}
