package dev.lade.oci.image;

import java.util.Locale;
import java.util.Objects;

/**
 * A media type such as {@code application/vnd.oci.image.manifest.v1+json}. Any value is accepted,
 * since the OCI spec requires unknown types to pass through; the constants cover OCI and Docker
 * schema 2, and Docker schema 1 types, which are recognised only so they can be refused.
 */
public record MediaType(String value) {
  public static final MediaType OCI_DESCRIPTOR = new MediaType("application/vnd.oci.descriptor.v1+json");
  public static final MediaType OCI_LAYOUT_HEADER = new MediaType("application/vnd.oci.layout.header.v1+json");
  public static final MediaType OCI_INDEX = new MediaType("application/vnd.oci.image.index.v1+json");
  public static final MediaType OCI_MANIFEST = new MediaType("application/vnd.oci.image.manifest.v1+json");
  public static final MediaType OCI_CONFIG = new MediaType("application/vnd.oci.image.config.v1+json");
  public static final MediaType OCI_EMPTY = new MediaType("application/vnd.oci.empty.v1+json");
  public static final MediaType OCI_LAYER = new MediaType("application/vnd.oci.image.layer.v1.tar");
  public static final MediaType OCI_LAYER_GZIP = new MediaType("application/vnd.oci.image.layer.v1.tar+gzip");
  public static final MediaType OCI_LAYER_ZSTD = new MediaType("application/vnd.oci.image.layer.v1.tar+zstd");
  public static final MediaType OCI_LAYER_NONDISTRIBUTABLE =
      new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar");
  public static final MediaType OCI_LAYER_NONDISTRIBUTABLE_GZIP =
      new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip");
  public static final MediaType OCI_LAYER_NONDISTRIBUTABLE_ZSTD =
      new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar+zstd");

  public static final MediaType DOCKER_MANIFEST =
      new MediaType("application/vnd.docker.distribution.manifest.v2+json");
  public static final MediaType DOCKER_MANIFEST_LIST =
      new MediaType("application/vnd.docker.distribution.manifest.list.v2+json");
  public static final MediaType DOCKER_CONFIG = new MediaType("application/vnd.docker.container.image.v1+json");
  public static final MediaType DOCKER_LAYER = new MediaType("application/vnd.docker.image.rootfs.diff.tar");
  public static final MediaType DOCKER_LAYER_GZIP =
      new MediaType("application/vnd.docker.image.rootfs.diff.tar.gzip");
  public static final MediaType DOCKER_LAYER_ZSTD =
      new MediaType("application/vnd.docker.image.rootfs.diff.tar.zstd");
  public static final MediaType DOCKER_FOREIGN_LAYER =
      new MediaType("application/vnd.docker.image.rootfs.foreign.diff.tar");
  public static final MediaType DOCKER_FOREIGN_LAYER_GZIP =
      new MediaType("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip");

  /** Docker image manifest schema 1, unsigned. Recognised only to be refused. */
  public static final MediaType DOCKER_SCHEMA1_MANIFEST =
      new MediaType("application/vnd.docker.distribution.manifest.v1+json");
  /** Docker image manifest schema 1, signed. Recognised only to be refused. */
  public static final MediaType DOCKER_SCHEMA1_SIGNED_MANIFEST =
      new MediaType("application/vnd.docker.distribution.manifest.v1+prettyjws");

  public MediaType {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || !value.equals(value.strip())) {
      throw new IllegalArgumentException("invalid media type \"" + value + "\"");
    }
  }

  // Written out: a record's generated equals and hashCode link through ObjectMethods' bootstrap at first use,
  // which spins classes at run time that no start-up cache holds (a no-op build compares media types before anything else).
  @Override
  public boolean equals(Object other) {
    return other instanceof MediaType type && value.equals(type.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The media type {@code value}. */
  public static MediaType of(String value) {
    return new MediaType(value);
  }

  /**
   * The media type of an HTTP {@code Content-Type} header: parameters such as {@code
   * ;charset=utf-8} are dropped and the type is lower-cased.
   */
  public static MediaType fromContentType(String header) {
    int semicolon = header.indexOf(';');
    String type = semicolon < 0 ? header : header.substring(0, semicolon);
    return new MediaType(type.strip().toLowerCase(Locale.ROOT));
  }

  /** The layer type for {@code compression}, OCI or Docker flavoured. */
  public static MediaType layer(Compression compression, boolean docker) {
    return switch (compression) {
      case NONE -> docker ? DOCKER_LAYER : OCI_LAYER;
      case GZIP -> docker ? DOCKER_LAYER_GZIP : OCI_LAYER_GZIP;
      case ZSTD -> docker ? DOCKER_LAYER_ZSTD : OCI_LAYER_ZSTD;
    };
  }

  /** An image manifest, OCI or Docker schema 2. */
  public boolean isManifest() {
    return equals(OCI_MANIFEST) || equals(DOCKER_MANIFEST);
  }

  /** An image index or a Docker manifest list. */
  public boolean isIndex() {
    return equals(OCI_INDEX) || equals(DOCKER_MANIFEST_LIST);
  }

  /** A Docker schema 1 manifest, which lade refuses. */
  public boolean isSchema1() {
    return equals(DOCKER_SCHEMA1_MANIFEST) || equals(DOCKER_SCHEMA1_SIGNED_MANIFEST);
  }

  /** An image config, OCI or Docker. */
  public boolean isConfig() {
    return equals(OCI_CONFIG) || equals(DOCKER_CONFIG);
  }

  /** A Docker (rather than OCI) type. */
  public boolean isDocker() {
    return value.startsWith("application/vnd.docker.");
  }

  /** A layer type lade knows how to unpack. */
  public boolean isLayer() {
    return layerCompression() != null;
  }

  /**
   * Whether a layer of this type may be pushed to other registries. Non-distributable OCI layers
   * and Docker foreign layers (such as Windows base layers) may not.
   */
  public boolean isDistributable() {
    return !value.startsWith("application/vnd.oci.image.layer.nondistributable.")
        && !value.startsWith("application/vnd.docker.image.rootfs.foreign.");
  }

  /**
   * The compression of a layer of this type.
   *
   * @throws IllegalStateException if this is not a layer type
   */
  public Compression compression() {
    Compression compression = layerCompression();
    if (compression == null) throw new IllegalStateException("not a layer media type: " + value);
    return compression;
  }

  private Compression layerCompression() {
    return switch (value) {
      case "application/vnd.oci.image.layer.v1.tar",
          "application/vnd.oci.image.layer.nondistributable.v1.tar",
          "application/vnd.docker.image.rootfs.diff.tar",
          "application/vnd.docker.image.rootfs.foreign.diff.tar" -> Compression.NONE;
      case "application/vnd.oci.image.layer.v1.tar+gzip",
          "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
          "application/vnd.docker.image.rootfs.diff.tar.gzip",
          "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip" -> Compression.GZIP;
      case "application/vnd.oci.image.layer.v1.tar+zstd",
          "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd",
          "application/vnd.docker.image.rootfs.diff.tar.zstd" -> Compression.ZSTD;
      default -> null;
    };
  }

  @Override
  public String toString() {
    return value;
  }
}
