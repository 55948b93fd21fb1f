package dev.lade.oci.image;

import dev.lade.oci.json.CanonicalJson;
import dev.lade.oci.json.FieldReader;
import dev.lade.oci.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An image manifest, OCI or Docker schema 2: a config and layers. Its {@code schemaVersion} is
 * always 2.
 *
 * @param mediaType the document's own {@code mediaType} field, or null (OCI allows its absence)
 * @param artifactType the artifact type when the manifest packages an artifact, or null
 * @param config the image config
 * @param layers the layers, base first
 * @param subject the manifest this one refers to (for the referrers API), or null
 * @param annotations arbitrary metadata
 * @param extra fields this model does not know, kept so that they survive a rewrite
 */
public record Manifest(
    MediaType mediaType,
    MediaType artifactType,
    Descriptor config,
    List<Descriptor> layers,
    Descriptor subject,
    Map<String, String> annotations,
    Map<String, JsonValue> extra)
    implements ImageDocument {
  private static final String KIND = "image manifest";

  public Manifest {
    Objects.requireNonNull(config, "config");
    layers = List.copyOf(Objects.requireNonNullElse(layers, List.of()));
    annotations = Copies.sortedMap(annotations);
    extra = Copies.sortedMap(extra);
  }

  /** A manifest of the given type with a config and layers. */
  public static Manifest of(MediaType mediaType, Descriptor config, List<Descriptor> layers) {
    return new Manifest(mediaType, null, config, layers, null, Map.of(), Map.of());
  }

  /** Always 2. */
  public int schemaVersion() {
    return 2;
  }

  public Manifest withConfig(Descriptor config) {
    return new Manifest(mediaType, artifactType, config, layers, subject, annotations, extra);
  }

  public Manifest withLayers(List<Descriptor> layers) {
    return new Manifest(mediaType, artifactType, config, layers, subject, annotations, extra);
  }

  public Manifest withAnnotations(Map<String, String> annotations) {
    return new Manifest(mediaType, artifactType, config, layers, subject, annotations, extra);
  }

  public Manifest withSubject(Descriptor subject) {
    return new Manifest(mediaType, artifactType, config, layers, subject, annotations, extra);
  }

  public Manifest withArtifactType(MediaType artifactType) {
    return new Manifest(mediaType, artifactType, config, layers, subject, annotations, extra);
  }

  /**
   * Parses and validates a manifest.
   *
   * @throws InvalidImageException naming the offending field
   */
  public static Manifest parse(byte[] json) {
    return DocumentReader.read(KIND, json, Manifest::read);
  }

  private static Manifest read(FieldReader r) {
    MediaType mediaType =
        DocumentJson.readHeader(r, "an " + KIND, MediaType::isManifest, List.of("manifests"));
    return new Manifest(
        mediaType,
        r.string("artifactType", MediaType::of),
        DescriptorJson.read(r.requiredObject("config")),
        DocumentJson.readDescriptors(r, "layers"),
        DocumentJson.readSubject(r),
        r.stringMap("annotations"),
        r.unknownFields());
  }

  /**
   * The manifest as BuildKit writes it: {@code json.MarshalIndent} with two spaces, {@code
   * mediaType} first, then Go's field order; no layers give {@code "layers": null} as in Go.
   * Unknown fields come last, sorted.
   */
  @Override
  public byte[] toJson() {
    var builder =
        DocumentJson.writeHeader(mediaType, artifactType)
            .put("config", DescriptorJson.write(config))
            .put("layers", DocumentJson.writeDescriptors(layers));
    return CanonicalJson.indented(DocumentJson.writeTrailer(builder, subject, annotations, extra));
  }
}
