package dev.lade.oci.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaTypeTest {
  @ParameterizedTest
  @CsvSource({
    "application/vnd.oci.image.layer.v1.tar, NONE, true",
    "application/vnd.oci.image.layer.v1.tar+gzip, GZIP, true",
    "application/vnd.oci.image.layer.v1.tar+zstd, ZSTD, true",
    "application/vnd.oci.image.layer.nondistributable.v1.tar, NONE, false",
    "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip, GZIP, false",
    "application/vnd.docker.image.rootfs.diff.tar.gzip, GZIP, true",
    "application/vnd.docker.image.rootfs.diff.tar.zstd, ZSTD, true",
    "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip, GZIP, false",
  })
  void layerTypesKnowTheirCompressionAndDistributability(
      String type, Compression compression, boolean distributable) {
    MediaType mediaType = MediaType.of(type);
    assertTrue(mediaType.isLayer());
    assertEquals(compression, mediaType.compression());
    assertEquals(distributable, mediaType.isDistributable());
    assertFalse(mediaType.isManifest() || mediaType.isIndex() || mediaType.isConfig());
  }

  @Test
  void classifiesDocuments() {
    assertTrue(MediaType.OCI_MANIFEST.isManifest());
    assertTrue(MediaType.DOCKER_MANIFEST.isManifest());
    assertTrue(MediaType.OCI_INDEX.isIndex());
    assertTrue(MediaType.DOCKER_MANIFEST_LIST.isIndex());
    assertTrue(MediaType.OCI_CONFIG.isConfig());
    assertTrue(MediaType.DOCKER_CONFIG.isConfig());
    assertTrue(MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST.isSchema1());
    assertTrue(MediaType.DOCKER_SCHEMA1_MANIFEST.isSchema1());
    assertFalse(MediaType.DOCKER_SCHEMA1_MANIFEST.isManifest());
    assertTrue(MediaType.DOCKER_CONFIG.isDocker());
    assertFalse(MediaType.OCI_CONFIG.isDocker());
  }

  @Test
  void compressionOfANonLayerFails() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> MediaType.OCI_CONFIG.compression());
    assertEquals("not a layer media type: application/vnd.oci.image.config.v1+json", e.getMessage());
    assertFalse(MediaType.of("application/vnd.oci.image.layer.v1.tar+lz4").isLayer());
  }

  @Test
  void layerTypesForEachCompression() {
    for (Compression c : Compression.values()) {
      assertEquals(c, MediaType.layer(c, false).compression());
      assertEquals(c, MediaType.layer(c, true).compression());
      assertTrue(MediaType.layer(c, true).isDocker());
    }
  }

  @Test
  void contentTypeParametersAreDropped() {
    assertEquals(
        MediaType.OCI_MANIFEST,
        MediaType.fromContentType("Application/vnd.oci.image.manifest.v1+json; charset=utf-8"));
  }

  @Test
  void rejectsBlankTypes() {
    assertThrows(IllegalArgumentException.class, () -> MediaType.of(" "));
    assertThrows(IllegalArgumentException.class, () -> MediaType.of(" application/json"));
  }
}
