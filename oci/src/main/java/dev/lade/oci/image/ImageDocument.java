package dev.lade.oci.image;

/**
 * What a registry returns for a reference: an image {@link Manifest} or an {@link Index} of them.
 */
public sealed interface ImageDocument permits Manifest, Index {
  /** The document's own {@code mediaType} field, or null if it has none. */
  MediaType mediaType();

  /** The document in the canonical form BuildKit writes ({@code MarshalIndent}, two spaces). */
  byte[] toJson();

  /**
   * Parses a manifest or an index served with {@code contentType} (a {@code Content-Type} header
   * value; parameters are ignored). If the content type is missing or generic ({@code
   * application/json}, {@code application/octet-stream}), the document's {@code mediaType} field
   * decides, and failing that its shape. Docker schema 1 is refused.
   *
   * @throws InvalidImageException if the document is invalid, of another kind than its content
   *     type says, or not a manifest or index at all
   */
  static ImageDocument parse(String contentType, byte[] bytes) {
    MediaType type = contentType == null || contentType.isBlank()
        ? null : MediaType.fromContentType(contentType);
    if (type == null || type.value().equals("application/json")
        || type.value().equals("application/octet-stream")) {
      type = sniff(bytes);
    }
    if (type.isSchema1()) {
      throw new InvalidImageException("image manifest", "",
          "unsupported media type " + type + ": Docker schema 1 manifests are not supported");
    }
    ImageDocument document;
    if (type.isManifest()) {
      document = Manifest.parse(bytes);
    } else if (type.isIndex()) {
      document = Index.parse(bytes);
    } else {
      throw new InvalidImageException(
          "image manifest", "", "unsupported media type " + type + ": not an image manifest or index");
    }
    MediaType declared = document.mediaType();
    if (declared != null && !declared.equals(type)) {
      throw new InvalidImageException("image manifest", "mediaType",
          declared + " does not match the content type " + type);
    }
    return document;
  }

  private static MediaType sniff(byte[] bytes) {
    return DocumentReader.read("image manifest", bytes, r -> {
      String declared = r.string("mediaType");
      if (!declared.isEmpty()) return MediaType.fromContentType(declared);
      if (r.has("manifests")) return MediaType.OCI_INDEX;
      if (r.has("config")) return MediaType.OCI_MANIFEST;
      if (r.has("fsLayers")) return MediaType.DOCKER_SCHEMA1_MANIFEST;
      throw r.error("", "neither an image manifest nor an index");
    });
  }
}
