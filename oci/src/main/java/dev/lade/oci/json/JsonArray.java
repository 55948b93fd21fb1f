package dev.lade.oci.json;

import java.util.List;

/** A JSON array. */
public record JsonArray(List<JsonValue> elements) implements JsonValue {
  public JsonArray {
    elements = List.copyOf(elements);
  }

  /** An array of strings. */
  public static JsonArray ofStrings(List<String> values) {
    return new JsonArray(values.stream().<JsonValue>map(JsonString::new).toList());
  }
}
