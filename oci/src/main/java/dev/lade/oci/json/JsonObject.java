package dev.lade.oci.json;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A JSON object whose members keep their order. The builder's {@code putOmitEmpty} methods follow
 * the {@code omitempty} rules of Go's encoding/json, so that codecs can mirror Go struct tags.
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
  public static final JsonObject EMPTY = new JsonObject(Map.of());

  /** Orders keys the way Go sorts map keys: by the bytes of their UTF-8 encoding. */
  public static final Comparator<String> GO_KEY_ORDER = JsonObject::compareUtf8;

  public JsonObject {
    Map<String, JsonValue> copy = new LinkedHashMap<>();
    members.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, k)));
    members = Collections.unmodifiableMap(copy);
  }

  /** The member named {@code key}, or null if absent. */
  public JsonValue get(String key) {
    return members.get(key);
  }

  /** A copy with the members sorted by key, as Go writes a {@code map[string]...}. */
  public JsonObject sortedByKey() {
    Map<String, JsonValue> sorted = new LinkedHashMap<>();
    members.keySet().stream().sorted(GO_KEY_ORDER).forEach(k -> sorted.put(k, members.get(k)));
    return new JsonObject(sorted);
  }

  /** A sorted object of string values, as Go writes a {@code map[string]string}. */
  public static JsonObject ofStrings(Map<String, String> values) {
    Builder builder = builder();
    values.keySet().stream()
        .sorted(GO_KEY_ORDER)
        .forEach(k -> builder.put(k, new JsonString(values.get(k))));
    return builder.build();
  }

  /** A sorted object mapping each key to {@code {}}, as Go writes a {@code map[string]struct{}}. */
  public static JsonObject ofEmptyObjects(Set<String> keys) {
    Builder builder = builder();
    keys.stream().sorted(GO_KEY_ORDER).forEach(k -> builder.put(k, EMPTY));
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static int compareUtf8(String a, String b) {
    // Code point order is UTF-8 byte order; String.compareTo (UTF-16 units) is not.
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) return Integer.compare(ca, cb);
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Builds an object member by member, in order. */
  public static final class Builder {
    private final Map<String, JsonValue> members = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String key, JsonValue value) {
      members.put(key, value);
      return this;
    }

    public Builder put(String key, String value) {
      return put(key, new JsonString(value));
    }

    public Builder put(String key, long value) {
      return put(key, JsonNumber.of(value));
    }

    /** Puts a string unless it is null or empty. */
    public Builder putOmitEmpty(String key, String value) {
      return value == null || value.isEmpty() ? this : put(key, value);
    }

    /** Puts a number unless it is zero. */
    public Builder putOmitEmpty(String key, long value) {
      return value == 0 ? this : put(key, value);
    }

    /** Puts {@code true}; omits {@code false}. */
    public Builder putOmitEmpty(String key, boolean value) {
      return value ? put(key, JsonBoolean.TRUE) : this;
    }

    /** Puts an array of strings unless the list is empty. */
    public Builder putOmitEmpty(String key, List<String> values) {
      return values.isEmpty() ? this : put(key, JsonArray.ofStrings(values));
    }

    /** Puts a sorted object of strings unless the map is empty. */
    public Builder putOmitEmpty(String key, Map<String, String> values) {
      return values.isEmpty() ? this : put(key, ofStrings(values));
    }

    /** Puts a value unless it is null (a nil pointer in Go). */
    public Builder putOmitEmpty(String key, JsonValue value) {
      return value == null ? this : put(key, value);
    }

    /** Puts every member of {@code extra}, sorted by key. */
    public Builder putAllSorted(Map<String, JsonValue> extra) {
      extra.keySet().stream().sorted(GO_KEY_ORDER).forEach(k -> put(k, extra.get(k)));
      return this;
    }

    public JsonObject build() {
      return new JsonObject(members);
    }
  }
}
