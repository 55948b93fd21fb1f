package dev.lade.oci.archive;

import dev.lade.oci.json.CanonicalJson;
import dev.lade.oci.json.FieldReader;
import dev.lade.oci.json.JsonArray;
import dev.lade.oci.json.JsonObject;
import dev.lade.oci.json.JsonReader;
import dev.lade.oci.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One image of a {@code docker save} archive's {@code manifest.json}.
 *
 * @param config the path of the config file in the archive
 * @param repoTags the image's names, familiar form ({@code busybox:latest}); may be empty
 * @param layers the paths of the layer tars, base first
 */
record DockerManifestEntry(String config, List<String> repoTags, List<String> layers) {
  DockerManifestEntry {
    Objects.requireNonNull(config, "config");
    repoTags = List.copyOf(repoTags);
    layers = List.copyOf(layers);
  }

  /**
   * Parses {@code manifest.json}.
   *
   * @throws IllegalArgumentException (a JSON syntax or field error) if it is malformed
   */
  static List<DockerManifestEntry> parse(byte[] json) {
    JsonValue root = JsonReader.parse(json);
    if (!(root instanceof JsonArray array)) {
      throw new IllegalArgumentException("expected a JSON array, got " + root.typeName());
    }
    List<DockerManifestEntry> entries = new ArrayList<>();
    for (JsonValue element : array.elements()) {
      FieldReader r = FieldReader.of(element);
      entries.add(new DockerManifestEntry(
          TarStreams.clean(r.requiredString("Config")),
          r.strings("RepoTags"),
          r.strings("Layers").stream().map(TarStreams::clean).toList()));
    }
    return entries;
  }

  /** {@code manifest.json} for {@code entries}, as Docker writes it. */
  static byte[] write(List<DockerManifestEntry> entries) {
    List<JsonValue> objects = new ArrayList<>();
    for (DockerManifestEntry e : entries) {
      objects.add(JsonObject.builder()
          .put("Config", e.config())
          .put("RepoTags", JsonArray.ofStrings(e.repoTags()))
          .put("Layers", JsonArray.ofStrings(e.layers()))
          .build());
    }
    return CanonicalJson.compact(new JsonArray(objects));
  }
}
