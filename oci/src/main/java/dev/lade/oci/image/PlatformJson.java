package dev.lade.oci.image;

import dev.lade.oci.json.FieldReader;
import dev.lade.oci.json.JsonObject;
import dev.lade.oci.platform.Platform;

/** The {@code platform} object, with Go's field order. */
final class PlatformJson {
  private PlatformJson() {}

  static Platform read(FieldReader r) {
    return new Platform(
        r.requiredString("os"),
        r.requiredString("architecture"),
        r.string("variant"),
        r.string("os.version"),
        r.strings("os.features"));
  }

  static JsonObject write(Platform p) {
    return JsonObject.builder()
        .put("architecture", p.architecture())
        .put("os", p.os())
        .putOmitEmpty("os.version", p.osVersion())
        .putOmitEmpty("os.features", p.osFeatures())
        .putOmitEmpty("variant", p.variant())
        .build();
  }
}
