package dev.lade.oci.image;

import dev.lade.oci.json.CanonicalJson;
import dev.lade.oci.json.FieldReader;
import dev.lade.oci.json.JsonValue;
import dev.lade.oci.platform.PlatformMatcher;
import dev.lade.oci.platform.PlatformPreference;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An image index (OCI) or manifest list (Docker schema 2): manifests for several platforms. Its
 * {@code schemaVersion} is always 2.
 *
 * @param mediaType the document's own {@code mediaType} field, or null (OCI allows its absence)
 * @param artifactType the artifact type when the index packages an artifact, or null
 * @param manifests the manifests (or nested indexes), in order
 * @param subject the manifest this one refers to (for the referrers API), or null
 * @param annotations arbitrary metadata
 * @param extra fields this model does not know, kept so that they survive a rewrite
 */
public record Index(
    MediaType mediaType,
    MediaType artifactType,
    List<Descriptor> manifests,
    Descriptor subject,
    Map<String, String> annotations,
    Map<String, JsonValue> extra)
    implements ImageDocument {
  private static final String KIND = "image index";

  public Index {
    manifests = List.copyOf(Objects.requireNonNullElse(manifests, List.of()));
    annotations = Copies.sortedMap(annotations);
    extra = Copies.sortedMap(extra);
  }

  /** An index of the given type listing {@code manifests}. */
  public static Index of(MediaType mediaType, List<Descriptor> manifests) {
    return new Index(mediaType, null, manifests, null, Map.of(), Map.of());
  }

  /** Always 2. */
  public int schemaVersion() {
    return 2;
  }

  public Index withManifests(List<Descriptor> manifests) {
    return new Index(mediaType, artifactType, manifests, subject, annotations, extra);
  }

  public Index withAnnotations(Map<String, String> annotations) {
    return new Index(mediaType, artifactType, manifests, subject, annotations, extra);
  }

  public Index withSubject(Descriptor subject) {
    return new Index(mediaType, artifactType, manifests, subject, annotations, extra);
  }

  public Index withArtifactType(MediaType artifactType) {
    return new Index(mediaType, artifactType, manifests, subject, annotations, extra);
  }

  /**
   * The best manifest for {@code preference}, as containerd picks it: the entry whose platform
   * matches the most preferred platform; the first such entry among equals. Entries without a
   * platform are not considered.
   */
  public Optional<Descriptor> manifestFor(PlatformPreference preference) {
    return preference.best(manifests, Descriptor::platform);
  }

  /** The entries whose platform {@code matcher} accepts, in index order. */
  public List<Descriptor> manifestsFor(PlatformMatcher matcher) {
    return manifests.stream()
        .filter(d -> d.platform() != null && matcher.matches(d.platform()))
        .toList();
  }

  /**
   * Parses and validates an index.
   *
   * @throws InvalidImageException naming the offending field
   */
  public static Index parse(byte[] json) {
    return DocumentReader.read(KIND, json, Index::read);
  }

  private static Index read(FieldReader r) {
    MediaType mediaType =
        DocumentJson.readHeader(r, "an " + KIND, MediaType::isIndex, List.of("config", "layers"));
    return new Index(
        mediaType,
        r.string("artifactType", MediaType::of),
        DocumentJson.readDescriptors(r, "manifests"),
        DocumentJson.readSubject(r),
        r.stringMap("annotations"),
        r.unknownFields());
  }

  /**
   * The index as BuildKit writes it: {@code json.MarshalIndent} with two spaces, {@code mediaType}
   * first, then Go's field order. Unknown fields come last, sorted.
   */
  @Override
  public byte[] toJson() {
    var builder =
        DocumentJson.writeHeader(mediaType, artifactType)
            .put("manifests", DocumentJson.writeDescriptors(manifests));
    return CanonicalJson.indented(DocumentJson.writeTrailer(builder, subject, annotations, extra));
  }
}
