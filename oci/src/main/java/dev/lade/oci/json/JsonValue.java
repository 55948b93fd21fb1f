package dev.lade.oci.json;

/**
 * An immutable JSON value. Objects keep the order of their members, so the code that builds them
 * decides the order in which {@link CanonicalJson} writes them.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /** A short name of this value's JSON type, for error messages: "a string", "an object"... */
  default String typeName() {
    return switch (this) {
      case JsonObject o -> "an object";
      case JsonArray a -> "an array";
      case JsonString s -> "a string";
      case JsonNumber n -> "a number";
      case JsonBoolean b -> "a boolean";
      case JsonNull n -> "null";
    };
  }

  /** The value as compact JSON, written the way Go's encoding/json writes it. */
  default String toJson() {
    return new String(CanonicalJson.compact(this), java.nio.charset.StandardCharsets.UTF_8);
  }
}
