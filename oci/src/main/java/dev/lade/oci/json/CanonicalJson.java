package dev.lade.oci.json;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes {@link JsonValue}s byte for byte as Go's encoding/json does, so that lade's digests can
 * match those of Docker and BuildKit for the same content:
 *
 * <ul>
 *   <li>members in the order of the {@link JsonObject} (codecs use Go's struct field order, and
 *       sort map keys with {@link JsonObject#GO_KEY_ORDER});
 *   <li>strings escaped like Go with HTML escaping: {@code <}, {@code >}, {@code &} become
 *       &#92;u003c, &#92;u003e, &#92;u0026; U+2028 and U+2029 are escaped too; other non-ASCII
 *       characters are written as UTF-8;
 *   <li>no trailing newline.
 * </ul>
 *
 * {@link #compact} is {@code json.Marshal}; {@link #indented} is {@code json.MarshalIndent(v, "",
 * "  ")}, which BuildKit uses for manifests and indexes.
 */
public final class CanonicalJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /** The value as Go's {@code json.Marshal} writes it. */
  public static byte[] compact(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(out, value, -1);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The value as Go's {@code json.MarshalIndent(value, "", "  ")} writes it. */
  public static byte[] indented(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 0);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  // depth < 0 means compact output.
  private static void write(StringBuilder out, JsonValue value, int depth) {
    switch (value) {
      case JsonObject o -> writeObject(out, o, depth);
      case JsonArray a -> writeArray(out, a, depth);
      case JsonString s -> writeString(out, s.value());
      case JsonNumber n -> out.append(n.text());
      case JsonBoolean b -> out.append(b.value());
      case JsonNull n -> out.append("null");
    }
  }

  private static void writeObject(StringBuilder out, JsonObject object, int depth) {
    out.append('{');
    Iterator<Map.Entry<String, JsonValue>> members = object.members().entrySet().iterator();
    while (members.hasNext()) {
      Map.Entry<String, JsonValue> member = members.next();
      newline(out, depth < 0 ? depth : depth + 1);
      writeString(out, member.getKey());
      out.append(depth < 0 ? ":" : ": ");
      write(out, member.getValue(), depth < 0 ? depth : depth + 1);
      if (members.hasNext()) out.append(',');
    }
    if (!object.members().isEmpty()) newline(out, depth);
    out.append('}');
  }

  private static void writeArray(StringBuilder out, JsonArray array, int depth) {
    out.append('[');
    Iterator<JsonValue> elements = array.elements().iterator();
    while (elements.hasNext()) {
      newline(out, depth < 0 ? depth : depth + 1);
      write(out, elements.next(), depth < 0 ? depth : depth + 1);
      if (elements.hasNext()) out.append(',');
    }
    if (!array.elements().isEmpty()) newline(out, depth);
    out.append(']');
  }

  private static void newline(StringBuilder out, int depth) {
    // Compact output (negative depth) has no newlines.
    if (depth < 0) return;
    out.append('\n');
    out.append("  ".repeat(depth));
  }

  /** Appends {@code s} as a JSON string literal escaped exactly like Go's encoding/json. */
  static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', 0x2028, 0x2029 -> unicodeEscape(out, c);
        default -> {
          if (c < 0x20) {
            unicodeEscape(out, c);
          } else if (c <= 0xFFFF && Character.isSurrogate((char) c)) {
            out.append("\\ufffd"); // a lone surrogate: Go writes invalid UTF-8 as U+FFFD
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void unicodeEscape(StringBuilder out, int c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
