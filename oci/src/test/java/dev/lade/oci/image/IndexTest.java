package dev.lade.oci.image;

import static dev.lade.oci.image.TestFiles.bytes;
import static dev.lade.oci.image.TestFiles.string;
import static dev.lade.oci.image.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.platform.PlatformMatcher;
import dev.lade.oci.platform.PlatformPreference;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexTest {
  private static final String PPC64LE =
      "sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f";
  private static final String AMD64 =
      "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270";

  @Test
  void parsesTheSpecExample() {
    Index index = Index.parse(bytes("spec/index.json"));
    assertEquals(MediaType.OCI_INDEX, index.mediaType());
    assertEquals(2, index.manifests().size());
    assertEquals(Platform.of("linux", "ppc64le"), index.manifests().get(0).platform());
    assertEquals(Digest.parse(AMD64), index.manifests().get(1).digest());
    assertEquals("value1", index.annotations().get("com.example.key1"));
  }

  @Test
  void picksTheManifestForAPlatform() {
    Index index = Index.parse(bytes("spec/index.json"));
    PlatformPreference amd64 = PlatformPreference.only(Platform.parse("linux/amd64"));
    assertEquals(Digest.parse(AMD64), index.manifestFor(amd64).orElseThrow().digest());
    PlatformPreference ppc = PlatformPreference.only(Platform.parse("linux/ppc64le"));
    assertEquals(Digest.parse(PPC64LE), index.manifestFor(ppc).orElseThrow().digest());
    assertTrue(index.manifestFor(PlatformPreference.only(Platform.parse("linux/arm64"))).isEmpty());
  }

  @Test
  void anArm64HostFallsBackToArmV7ButPrefersArm64() {
    Descriptor armV7 = manifest('7').withPlatform(Platform.parse("linux/arm/v7"));
    Descriptor arm64 = manifest('8').withPlatform(Platform.parse("linux/arm64/v8"));
    Descriptor amd64 = manifest('a').withPlatform(Platform.parse("linux/amd64"));
    PlatformPreference host = PlatformPreference.only(Platform.parse("linux/arm64"));
    assertEquals(arm64, Index.of(MediaType.OCI_INDEX, List.of(armV7, amd64, arm64)).manifestFor(host).orElseThrow());
    assertEquals(armV7, Index.of(MediaType.OCI_INDEX, List.of(amd64, armV7)).manifestFor(host).orElseThrow());
    assertEquals(
        List.of(armV7, arm64),
        Index.of(MediaType.OCI_INDEX, List.of(armV7, amd64, arm64)).manifestsFor(host));
    assertEquals(
        List.of(amd64),
        Index.of(MediaType.OCI_INDEX, List.of(armV7, amd64, arm64))
            .manifestsFor(PlatformMatcher.exactly(Platform.parse("linux/amd64"))));
  }

  private static Descriptor manifest(char hex) {
    return Descriptor.of(MediaType.OCI_MANIFEST, Digest.parse("sha256:" + String.valueOf(hex).repeat(64)), 100);
  }

  @Test
  void nestedIndexEntriesNeedNoPlatform() {
    Index index = Index.parse(bytes("spec/index-nested.json"));
    assertNull(index.manifests().get(1).platform());
    assertEquals(MediaType.OCI_INDEX, index.manifests().get(1).mediaType());
  }

  @Test
  void writesTheCanonicalFormBuildKitUses() {
    Index index = Index.parse(bytes("spec/index.json"));
    String expected =
        """
        {
          "mediaType": "application/vnd.oci.image.index.v1+json",
          "schemaVersion": 2,
          "manifests": [
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "sha256:e692418e4cbaf90ca69d05a66403747baa33ee08806650b51fab815ad7fc331f",
              "size": 7143,
              "platform": {
                "architecture": "ppc64le",
                "os": "linux"
              }
            },
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270",
              "size": 7682,
              "platform": {
                "architecture": "amd64",
                "os": "linux"
              }
            }
          ],
          "annotations": {
            "com.example.key1": "value1",
            "com.example.key2": "value2"
          }
        }""";
    assertEquals(expected, string(index.toJson()));
    assertEquals(index, Index.parse(index.toJson()));
  }

  private static String invalid(String json) {
    return assertThrows(InvalidImageException.class, () -> Index.parse(utf8(json))).getMessage();
  }

  @Test
  void validationErrorsNameTheField() {
    assertEquals("invalid image index: manifests: required field is missing", invalid("{\"schemaVersion\":2}"));
    assertEquals(
        "invalid image index: mediaType: expected an image index media type, got application/vnd.oci.image.manifest.v1+json",
        invalid("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"manifests\":[]}"));
    assertEquals(
        "invalid image index: config: not allowed in an image index",
        invalid("{\"schemaVersion\":2,\"manifests\":[],\"config\":{}}"));
    assertEquals(
        "invalid image index: manifests[0].platform.architecture: required field is missing",
        invalid("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"a/b\",\"digest\":\"" + AMD64
            + "\",\"size\":1,\"platform\":{\"os\":\"linux\"}}]}"));
  }
}
