package dev.lade.oci.image;

import dev.lade.oci.json.FieldReader;
import dev.lade.oci.json.JsonArray;
import dev.lade.oci.json.JsonNull;
import dev.lade.oci.json.JsonObject;
import dev.lade.oci.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The parts manifests and indexes share: the header ({@code schemaVersion}, {@code mediaType},
 * {@code artifactType}) and the trailer ({@code subject}, {@code annotations}). Written in the
 * order BuildKit's export gives them: its wrapper struct puts {@code mediaType} before the
 * embedded {@code v1.Manifest} or {@code v1.Index} fields.
 */
final class DocumentJson {
  private DocumentJson() {}

  /**
   * Checks {@code schemaVersion} and returns the {@code mediaType} (null if absent), which must
   * satisfy {@code allowed}. Fields of the other kind of document are refused, as containerd does,
   * so that an index cannot pass for a manifest or the reverse.
   */
  static MediaType readHeader(
      FieldReader r, String kind, Predicate<MediaType> allowed, List<String> foreignFields) {
    long version = r.requiredInteger("schemaVersion");
    if (version != 2) {
      String schema1 = version == 1 ? " (Docker schema 1 manifests are not supported)" : "";
      throw r.error("schemaVersion", "must be 2, got " + version + schema1);
    }
    MediaType mediaType = r.string("mediaType", MediaType::of);
    if (mediaType != null && !allowed.test(mediaType)) {
      throw r.error("mediaType", "expected " + kind + " media type, got " + mediaType);
    }
    for (String field : foreignFields) {
      if (r.has(field)) throw r.error(field, "not allowed in " + kind);
    }
    return mediaType;
  }

  /** A required array of descriptors ({@code null} reads as none). */
  static List<Descriptor> readDescriptors(FieldReader r, String key) {
    return r.requiredObjects(key).stream().map(DescriptorJson::read).toList();
  }

  /** The optional {@code subject} descriptor, or null. */
  static Descriptor readSubject(FieldReader r) {
    return r.object("subject").map(DescriptorJson::read).orElse(null);
  }

  static JsonObject.Builder writeHeader(MediaType mediaType, MediaType artifactType) {
    return JsonObject.builder()
        .putOmitEmpty("mediaType", mediaType == null ? null : mediaType.value())
        .put("schemaVersion", 2)
        .putOmitEmpty("artifactType", artifactType == null ? null : artifactType.value());
  }

  /** A JSON array of descriptors, or null for none, as Go writes a nil slice. */
  static JsonValue writeDescriptors(List<Descriptor> descriptors) {
    if (descriptors.isEmpty()) return JsonNull.INSTANCE;
    return new JsonArray(
        descriptors.stream().<JsonValue>map(DescriptorJson::write).toList());
  }

  static JsonObject writeTrailer(
      JsonObject.Builder builder,
      Descriptor subject,
      Map<String, String> annotations,
      Map<String, JsonValue> extra) {
    return builder
        .putOmitEmpty("subject", subject == null ? null : DescriptorJson.write(subject))
        .putOmitEmpty("annotations", annotations)
        .putAllSorted(extra)
        .build();
  }
}
