package dev.lade.oci.image;

import static dev.lade.oci.image.TestFiles.bytes;
import static dev.lade.oci.image.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageDocumentTest {
  @Test
  void dispatchesOnTheContentType() {
    assertInstanceOf(Manifest.class,
        ImageDocument.parse("application/vnd.oci.image.manifest.v1+json", bytes("spec/manifest.json")));
    assertInstanceOf(Index.class,
        ImageDocument.parse("application/vnd.oci.image.index.v1+json; charset=utf-8", bytes("spec/index.json")));
  }

  @Test
  void sniffsWhenTheContentTypeIsGenericOrMissing() {
    assertInstanceOf(Manifest.class, ImageDocument.parse("application/json", bytes("spec/manifest.json")));
    assertInstanceOf(Index.class, ImageDocument.parse(null, bytes("spec/index.json")));
    String noMediaType = "{\"schemaVersion\":2,\"manifests\":[]}";
    assertInstanceOf(Index.class, ImageDocument.parse("", utf8(noMediaType)));
  }

  @Test
  void refusesDockerSchema1() {
    String schema1 = "{\"schemaVersion\":1,\"name\":\"library/busybox\",\"tag\":\"latest\",\"fsLayers\":[]}";
    assertEquals(
        "invalid image manifest: unsupported media type application/vnd.docker.distribution.manifest.v1+prettyjws:"
            + " Docker schema 1 manifests are not supported",
        assertThrows(InvalidImageException.class,
            () -> ImageDocument.parse("application/vnd.docker.distribution.manifest.v1+prettyjws", utf8(schema1)))
            .getMessage());
    assertThrows(InvalidImageException.class, () -> ImageDocument.parse(null, utf8(schema1)));
  }

  @Test
  void theDocumentMustAgreeWithItsContentType() {
    assertEquals(
        "invalid image manifest: mediaType: application/vnd.oci.image.manifest.v1+json does not match the"
            + " content type application/vnd.docker.distribution.manifest.v2+json",
        assertThrows(InvalidImageException.class,
            () -> ImageDocument.parse("application/vnd.docker.distribution.manifest.v2+json", bytes("spec/manifest.json")))
            .getMessage());
    assertThrows(InvalidImageException.class,
        () -> ImageDocument.parse("application/vnd.oci.image.manifest.v1+json", bytes("spec/index.json")));
  }

  @Test
  void refusesOtherContent() {
    assertEquals(
        "invalid image manifest: unsupported media type text/html: not an image manifest or index",
        assertThrows(InvalidImageException.class, () -> ImageDocument.parse("text/html", utf8("<html>")))
            .getMessage());
    assertEquals(
        "invalid image manifest: neither an image manifest nor an index",
        assertThrows(InvalidImageException.class, () -> ImageDocument.parse(null, utf8("{\"a\":1}"))).getMessage());
  }
}
