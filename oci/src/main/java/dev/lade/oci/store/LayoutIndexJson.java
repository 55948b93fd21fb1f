package dev.lade.oci.store;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.Index;
import dev.lade.oci.json.CanonicalJson;
import dev.lade.oci.json.JsonArray;
import dev.lade.oci.json.JsonObject;
import dev.lade.oci.json.JsonReader;
import dev.lade.oci.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * An OCI layout's {@code index.json}. Unlike a registry index it always has a {@code manifests}
 * array, even an empty one, which the layout spec and its validators require.
 */
public final class LayoutIndexJson {
  private LayoutIndexJson() {}

  /** {@code index} as an OCI layout writes it: schemaVersion, mediaType, manifests, annotations. */
  public static byte[] write(Index index) {
    List<JsonValue> manifests = new ArrayList<>();
    for (Descriptor d : index.manifests()) manifests.add(JsonReader.parse(d.toJson()));
    JsonObject.Builder json = JsonObject.builder()
        .put("schemaVersion", 2)
        .put("mediaType", dev.lade.oci.image.MediaType.OCI_INDEX.value())
        .put("manifests", new JsonArray(manifests));
    if (!index.annotations().isEmpty()) json.put("annotations", JsonObject.ofStrings(index.annotations()));
    return CanonicalJson.indented(json.build());
  }
}
