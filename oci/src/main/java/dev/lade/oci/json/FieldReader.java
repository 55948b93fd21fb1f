package dev.lade.oci.json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of a JSON object with Go's decoding rules and clear errors: every failure is a
 * {@link JsonFieldException} naming the field's path (such as {@code config.Env[2]}). An optional
 * field that is absent or {@code null} reads as empty. The reader remembers which fields were read,
 * so {@link #unknownFields()} returns the rest.
 */
public final class FieldReader {
  private final JsonObject object;
  private final String path;
  private final Set<String> read = new HashSet<>();

  private FieldReader(JsonObject object, String path) {
    this.object = object;
    this.path = path;
  }

  /** A reader of {@code value}, which must be an object. */
  public static FieldReader of(JsonValue value) {
    if (!(value instanceof JsonObject object)) {
      throw new JsonFieldException("", "expected a JSON object, got " + value.typeName());
    }
    return new FieldReader(object, "");
  }

  /** Whether {@code key} is present and not null. */
  public boolean has(String key) {
    JsonValue value = object.get(key);
    return value != null && value != JsonNull.INSTANCE;
  }

  /** An optional string; empty when absent or null. */
  public String string(String key) {
    JsonValue value = take(key);
    return value == null ? "" : asString(value, pathOf(key));
  }

  /** A string that must be present and not empty. */
  public String requiredString(String key) {
    boolean present = has(key);
    String value = string(key);
    if (value.isEmpty()) throw present ? error(key, "must not be empty") : missing(key);
    return value;
  }

  /** A required string converted by {@code parser}; its exceptions become field errors. */
  public <T> T requiredString(String key, Function<String, T> parser) {
    return convert(key, requiredString(key), parser);
  }

  /** An optional string converted by {@code parser}; null when absent, null or empty. */
  public <T> T string(String key, Function<String, T> parser) {
    String value = string(key);
    return value.isEmpty() ? null : convert(key, value, parser);
  }

  /** An optional integer; 0 when absent or null. */
  public long integer(String key) {
    JsonValue value = take(key);
    return value == null ? 0 : asLong(value, pathOf(key));
  }

  /** An integer that must be present. */
  public long requiredInteger(String key) {
    if (!has(key)) throw missing(key);
    return integer(key);
  }

  /** An optional boolean; false when absent or null. */
  public boolean bool(String key) {
    JsonValue value = take(key);
    if (value == null) return false;
    if (value instanceof JsonBoolean b) return b.value();
    throw wrongType(pathOf(key), "a boolean", value);
  }

  /** An optional array of strings; empty when absent or null. */
  public List<String> strings(String key) {
    List<String> values = new ArrayList<>();
    List<JsonValue> elements = array(key);
    for (int i = 0; i < elements.size(); i++) {
      values.add(asString(elements.get(i), pathOf(key) + "[" + i + "]"));
    }
    return values;
  }

  /** An optional array of integers; empty when absent or null. */
  public List<Long> integers(String key) {
    List<Long> values = new ArrayList<>();
    List<JsonValue> elements = array(key);
    for (int i = 0; i < elements.size(); i++) {
      values.add(asLong(elements.get(i), pathOf(key) + "[" + i + "]"));
    }
    return values;
  }

  /** An optional array of strings converted by {@code parser}. */
  public <T> List<T> strings(String key, Function<String, T> parser) {
    List<String> raw = strings(key);
    List<T> values = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) values.add(convert(key + "[" + i + "]", raw.get(i), parser));
    return values;
  }

  /** An optional object of strings (Go {@code map[string]string}); empty when absent or null. */
  public Map<String, String> stringMap(String key) {
    Map<String, String> values = new LinkedHashMap<>();
    objectValue(key).members().forEach((k, v) -> values.put(k, asString(v, pathOf(key) + "." + k)));
    return values;
  }

  /** The keys of an optional object (Go {@code map[string]struct{}}), whose values are objects. */
  public Set<String> keySet(String key) {
    Set<String> keys = new LinkedHashSet<>();
    objectValue(key).members().forEach((k, v) -> {
      if (!(v instanceof JsonObject) && v != JsonNull.INSTANCE) {
        throw wrongType(pathOf(key) + "." + k, "an object", v);
      }
      keys.add(k);
    });
    return keys;
  }

  /** An optional nested object; empty when absent or null. */
  public Optional<FieldReader> object(String key) {
    if (!has(key)) {
      take(key);
      return Optional.empty();
    }
    return Optional.of(new FieldReader(objectValue(key), pathOf(key)));
  }

  /** A nested object that must be present. */
  public FieldReader requiredObject(String key) {
    return object(key).orElseThrow(() -> missing(key));
  }

  /** An optional array of objects; empty when absent or null. */
  public List<FieldReader> objects(String key) {
    List<FieldReader> readers = new ArrayList<>();
    List<JsonValue> elements = array(key);
    for (int i = 0; i < elements.size(); i++) {
      String elementPath = pathOf(key) + "[" + i + "]";
      if (!(elements.get(i) instanceof JsonObject element)) {
        throw wrongType(elementPath, "an object", elements.get(i));
      }
      readers.add(new FieldReader(element, elementPath));
    }
    return readers;
  }

  /** An array of objects whose key must be present (its value may be null, read as empty). */
  public List<FieldReader> requiredObjects(String key) {
    if (object.get(key) == null) throw missing(key);
    return objects(key);
  }

  /** The fields not read so far, in document order. */
  public Map<String, JsonValue> unknownFields() {
    Map<String, JsonValue> unknown = new LinkedHashMap<>();
    object.members().forEach((k, v) -> {
      if (!read.contains(k)) unknown.put(k, v);
    });
    return unknown;
  }

  /** An error about {@code key} of this object. */
  public JsonFieldException error(String key, String reason) {
    return new JsonFieldException(pathOf(key), reason);
  }

  private JsonValue take(String key) {
    read.add(key);
    JsonValue value = object.get(key);
    return value == JsonNull.INSTANCE ? null : value;
  }

  private List<JsonValue> array(String key) {
    JsonValue value = take(key);
    if (value == null) return List.of();
    if (value instanceof JsonArray a) return a.elements();
    throw wrongType(pathOf(key), "an array", value);
  }

  private JsonObject objectValue(String key) {
    JsonValue value = take(key);
    if (value == null) return JsonObject.EMPTY;
    if (value instanceof JsonObject o) return o;
    throw wrongType(pathOf(key), "an object", value);
  }

  private <T> T convert(String key, String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  private String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private JsonFieldException missing(String key) {
    return error(key, "required field is missing");
  }

  private static String asString(JsonValue value, String path) {
    if (value instanceof JsonString s) return s.value();
    throw wrongType(path, "a string", value);
  }

  private static long asLong(JsonValue value, String path) {
    if (value instanceof JsonNumber n && n.isInteger()) {
      try {
        return Long.parseLong(n.text());
      } catch (NumberFormatException e) {
        throw new JsonFieldException(path, "integer out of range: " + n.text());
      }
    }
    throw wrongType(path, "an integer", value);
  }

  private static JsonFieldException wrongType(String path, String expected, JsonValue actual) {
    String got = actual instanceof JsonNumber n ? "the number " + n.text() : actual.typeName();
    return new JsonFieldException(path, "expected " + expected + ", got " + got);
  }
}
