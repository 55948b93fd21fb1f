package dev.lade.oci.image;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.json.FieldReader;
import dev.lade.oci.json.JsonObject;
import java.util.Base64;

/** Reads and writes descriptors, with Go's field order (image-spec {@code v1.Descriptor}). */
final class DescriptorJson {
  private DescriptorJson() {}

  static Descriptor read(FieldReader r) {
    MediaType mediaType = r.requiredString("mediaType", MediaType::of);
    Digest digest = r.requiredString("digest", Digest::parse);
    long size = r.requiredInteger("size");
    if (size < 0) throw r.error("size", "must not be negative, got " + size);
    String data = r.string("data");
    if (!data.isEmpty()) checkData(r, data, digest, size);
    return new Descriptor(
        mediaType,
        digest,
        size,
        r.strings("urls"),
        r.stringMap("annotations"),
        data,
        r.object("platform").map(PlatformJson::read).orElse(null),
        r.string("artifactType", MediaType::of),
        r.unknownFields());
  }

  // The spec requires embedded data to be the referenced content itself.
  private static void checkData(FieldReader r, String data, Digest digest, long size) {
    byte[] content;
    try {
      content = Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw r.error("data", "not valid base64: " + e.getMessage());
    }
    if (content.length != size) {
      throw r.error("data", "holds " + content.length + " bytes but size is " + size);
    }
    Digest actual = Digest.of(digest.algorithm(), content);
    if (!actual.equals(digest)) {
      throw r.error("data", "has digest " + actual + " but the descriptor says " + digest);
    }
  }

  static JsonObject write(Descriptor d) {
    return JsonObject.builder()
        .put("mediaType", d.mediaType().value())
        .put("digest", d.digest().toString())
        .put("size", d.size())
        .putOmitEmpty("urls", d.urls())
        .putOmitEmpty("annotations", d.annotations())
        .putOmitEmpty("data", d.data())
        .putOmitEmpty("platform", d.platform() == null ? null : PlatformJson.write(d.platform()))
        .putOmitEmpty("artifactType", d.artifactType() == null ? null : d.artifactType().value())
        .putAllSorted(d.extra())
        .build();
  }
}
