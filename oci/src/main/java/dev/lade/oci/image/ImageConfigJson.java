package dev.lade.oci.image;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.json.CanonicalJson;
import dev.lade.oci.json.FieldReader;
import dev.lade.oci.json.GoTime;
import dev.lade.oci.json.JsonArray;
import dev.lade.oci.json.JsonNull;
import dev.lade.oci.json.JsonObject;
import dev.lade.oci.json.JsonValue;
import java.util.List;

/**
 * Reads and writes image configs. The nested objects follow the field order of Go's {@code
 * v1.Image} and of {@code DockerOCIImageConfig} (moby/docker-image-spec), which BuildKit's
 * Dockerfile frontend marshals; the top level is sorted because BuildKit's exporter re-marshals it
 * as a map.
 */
final class ImageConfigJson {
  private ImageConfigJson() {}

  static ImageConfig read(FieldReader r) {
    String created = r.string("created");
    if (!created.isEmpty()) r.string("created", GoTime::parse);
    return new ImageConfig(
        created,
        r.string("author"),
        r.requiredString("architecture"),
        r.requiredString("os"),
        r.string("os.version"),
        r.strings("os.features"),
        r.string("variant"),
        r.object("config").map(ContainerConfigJson::read).orElse(ContainerConfig.EMPTY),
        readRootFs(r.requiredObject("rootfs")),
        r.objects("history").stream().map(ImageConfigJson::readHistory).toList(),
        r.unknownFields());
  }

  private static RootFs readRootFs(FieldReader r) {
    String type = r.requiredString("type");
    if (!type.equals(RootFs.LAYERS)) {
      throw r.error("type", "must be \"" + RootFs.LAYERS + "\", got \"" + type + "\"");
    }
    return new RootFs(type, r.strings("diff_ids", Digest::parse));
  }

  private static History readHistory(FieldReader r) {
    String created = r.string("created");
    if (!created.isEmpty()) r.string("created", GoTime::parse);
    return new History(
        created, r.string("created_by"), r.string("author"), r.string("comment"), r.bool("empty_layer"));
  }

  static byte[] write(ImageConfig c) {
    JsonObject object =
        JsonObject.builder()
            .put("architecture", c.architecture())
            .putOmitEmpty("author", c.author())
            .put("config", ContainerConfigJson.write(c.config()))
            .putOmitEmpty("created", c.created())
            .putOmitEmpty("history", c.history().isEmpty() ? null : writeHistory(c.history()))
            .put("os", c.os())
            .putOmitEmpty("os.features", c.osFeatures())
            .putOmitEmpty("os.version", c.osVersion())
            .put("rootfs", writeRootFs(c.rootfs()))
            .putOmitEmpty("variant", c.variant())
            .putAllSorted(c.extra())
            .build();
    return CanonicalJson.compact(object.sortedByKey());
  }

  private static JsonObject writeRootFs(RootFs rootfs) {
    JsonValue diffIds =
        rootfs.diffIds().isEmpty()
            ? JsonNull.INSTANCE // Go writes a nil slice as null, and BuildKit's is nil without layers
            : JsonArray.ofStrings(rootfs.diffIds().stream().map(Digest::toString).toList());
    return JsonObject.builder().put("type", rootfs.type()).put("diff_ids", diffIds).build();
  }

  private static JsonArray writeHistory(List<History> history) {
    return new JsonArray(
        history.stream()
            .<JsonValue>map(
                h ->
                    JsonObject.builder()
                        .putOmitEmpty("created", h.created())
                        .putOmitEmpty("created_by", h.createdBy())
                        .putOmitEmpty("author", h.author())
                        .putOmitEmpty("comment", h.comment())
                        .putOmitEmpty("empty_layer", h.emptyLayer())
                        .build())
            .toList());
  }
}
