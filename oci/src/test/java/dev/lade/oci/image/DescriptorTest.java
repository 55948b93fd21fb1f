package dev.lade.oci.image;

import static dev.lade.oci.image.TestFiles.bytes;
import static dev.lade.oci.image.TestFiles.string;
import static dev.lade.oci.image.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.platform.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptorTest {
  private static final String MANIFEST_DIGEST =
      "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270";

  @Test
  void theEmptyDescriptorIsTheOneInTheSpec() {
    Descriptor spec = Descriptor.parse(bytes("spec/empty-descriptor.json"));
    assertEquals(Descriptor.EMPTY_JSON, spec);
    assertArrayEquals(utf8("{}"), spec.dataBytes().orElseThrow());
    assertEquals(
        "{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":"
            + "\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":2,\"data\":\"e30=\"}",
        string(spec.toJson()));
  }

  @Test
  void parsesTheSpecExampleWithUrls() {
    Descriptor d = Descriptor.parse(bytes("spec/descriptor-urls.json"));
    assertEquals(MediaType.OCI_MANIFEST, d.mediaType());
    assertEquals(Digest.parse(MANIFEST_DIGEST), d.digest());
    assertEquals(7682, d.size());
    assertEquals(List.of("https://example.com/example-manifest"), d.urls());
    assertNull(d.platform());
    assertEquals("", d.data());
  }

  @Test
  void writesFieldsInGoOrderOmittingEmptyOnes() {
    Descriptor d =
        Descriptor.of(MediaType.OCI_MANIFEST, Digest.parse(MANIFEST_DIGEST), 7682)
            .withAnnotations(Map.of("b", "2", "a", "1"))
            .withPlatform(new Platform("linux", "arm64", "v8", "", List.of()))
            .withArtifactType(MediaType.of("application/vnd.example+type"));
    assertEquals(
        "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + MANIFEST_DIGEST
            + "\",\"size\":7682,\"annotations\":{\"a\":\"1\",\"b\":\"2\"},"
            + "\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\",\"variant\":\"v8\"},"
            + "\"artifactType\":\"application/vnd.example+type\"}",
        string(d.toJson()));
    assertEquals(d, Descriptor.parse(d.toJson()));
  }

  @Test
  void unknownFieldsSurviveARewrite() {
    String json =
        "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + MANIFEST_DIGEST
            + "\",\"size\":1,\"zz.custom\":{\"k\":[1,2]},\"aa.custom\":true}";
    Descriptor d = Descriptor.parse(utf8(json));
    assertEquals(
        "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + MANIFEST_DIGEST
            + "\",\"size\":1,\"aa.custom\":true,\"zz.custom\":{\"k\":[1,2]}}",
        string(d.toJson()));
  }

  private static String invalid(String json) {
    return assertThrows(InvalidImageException.class, () -> Descriptor.parse(utf8(json))).getMessage();
  }

  @Test
  void validationErrorsNameTheField() {
    String digest = "\"digest\":\"" + MANIFEST_DIGEST + "\"";
    assertEquals(
        "invalid descriptor: mediaType: required field is missing",
        invalid("{" + digest + ",\"size\":1}"));
    assertEquals(
        "invalid descriptor: size: must not be negative, got -1",
        invalid("{\"mediaType\":\"a/b\"," + digest + ",\"size\":-1}"));
    assertEquals(
        "invalid descriptor: digest: unsupported digest algorithm: \"md5\" (use sha256 or sha512)",
        invalid("{\"mediaType\":\"a/b\",\"digest\":\"md5:d41d8cd98f00b204e9800998ecf8427e\",\"size\":1}"));
    assertEquals(
        "invalid descriptor: platform.os: required field is missing",
        invalid("{\"mediaType\":\"a/b\"," + digest + ",\"size\":1,\"platform\":{\"architecture\":\"amd64\"}}"));
  }

  @Test
  void embeddedDataMustBeTheContent() {
    String empty = "\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":"
        + "\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\"";
    assertEquals(
        "invalid descriptor: data: holds 2 bytes but size is 3",
        invalid("{" + empty + ",\"size\":3,\"data\":\"e30=\"}"));
    assertEquals(
        "invalid descriptor: data: has digest sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945"
            + " but the descriptor says sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
        invalid("{" + empty + ",\"size\":2,\"data\":\"W10=\"}"));
    assertEquals(
        "invalid descriptor: data: not valid base64: Illegal base64 character 21",
        invalid("{" + empty + ",\"size\":2,\"data\":\"!!!!\"}"));
  }
}
