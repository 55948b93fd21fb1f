package dev.lade.oci.json;

/** The JSON {@code null}. */
public enum JsonNull implements JsonValue {
  INSTANCE
}
