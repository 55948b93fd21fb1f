package dev.lade.oci.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON bytes into {@link JsonValue}s. Like Go's {@code json.Unmarshal} it accepts exactly one
 * value (whitespace around it is fine), and a repeated key keeps its last value.
 *
 * <p>A small recursive-descent parser of its own: every lade command reads JSON, and a general
 * parser's start-up (jackson-core's first parser initialises {@code BigDecimal}) cost a short
 * command such as {@code lade run} more than the rest of its JSON work.
 */
public final class JsonReader {
  /** Deeper documents are refused rather than overflow the stack (jackson-core's default limit). */
  private static final int MAX_DEPTH = 1000;

  private final byte[] in;
  private int pos;
  private int depth;

  private JsonReader(byte[] in) {
    this.in = in;
  }

  /**
   * Parses {@code bytes}, which must hold a single JSON value.
   *
   * @throws JsonSyntaxException with a one-line message giving line and column
   */
  public static JsonValue parse(byte[] bytes) {
    JsonReader reader = new JsonReader(bytes);
    reader.skipByteOrderMark();
    JsonValue value = reader.value();
    reader.skipWhitespace();
    if (reader.pos < bytes.length) throw reader.syntax("invalid character after top-level value");
    return value;
  }

  private JsonValue value() {
    skipWhitespace();
    if (pos >= in.length) throw endOfInput();
    return switch (in[pos]) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> new JsonString(string());
      case 't' -> literal("true", JsonBoolean.TRUE);
      case 'f' -> literal("false", JsonBoolean.FALSE);
      case 'n' -> literal("null", JsonNull.INSTANCE);
      default -> number();
    };
  }

  private JsonObject object() {
    enter();
    Map<String, JsonValue> members = new LinkedHashMap<>();
    if (!nextIs('}')) {
      do {
        skipWhitespace();
        if (pos >= in.length) throw endOfInput();
        if (in[pos] != '"') throw syntax("invalid character " + quoted() + " looking for beginning of object key string");
        String key = string();
        expect(':', "after object key");
        members.put(key, value());
      } while (separator('}', "after object key:value pair"));
    }
    depth--;
    return new JsonObject(members);
  }

  private JsonArray array() {
    enter();
    List<JsonValue> elements = new ArrayList<>();
    if (!nextIs(']')) {
      do {
        elements.add(value());
      } while (separator(']', "after array element"));
    }
    depth--;
    return new JsonArray(elements);
  }

  /** Steps over an opening bracket. */
  private void enter() {
    if (++depth > MAX_DEPTH) throw syntax("exceeded max depth of " + MAX_DEPTH);
    pos++;
  }

  /** Whether {@code close} comes next (an empty object or array), stepping over it if so. */
  private boolean nextIs(char close) {
    skipWhitespace();
    if (pos < in.length && in[pos] == close) {
      pos++;
      return true;
    }
    return false;
  }

  /** After a member or element: true on a comma, false on {@code close}. */
  private boolean separator(char close, String context) {
    skipWhitespace();
    if (pos >= in.length) throw endOfInput();
    byte b = in[pos];
    if (b == ',' || b == close) {
      pos++;
      return b == ',';
    }
    throw syntax("invalid character " + quoted() + " " + context);
  }

  private void expect(char c, String context) {
    skipWhitespace();
    if (pos >= in.length) throw endOfInput();
    if (in[pos] != c) throw syntax("invalid character " + quoted() + " " + context);
    pos++;
  }

  private JsonValue literal(String word, JsonValue value) {
    for (int i = 0; i < word.length(); i++, pos++) {
      if (pos >= in.length) throw endOfInput();
      if (in[pos] != word.charAt(i)) throw syntax("invalid character " + quoted() + " in literal " + word);
    }
    return value;
  }

  /** A number's text, checked against JSON's grammar by {@link JsonNumber}. */
  private JsonValue number() {
    int start = pos;
    while (pos < in.length && isNumberByte(in[pos])) pos++;
    if (pos == start) throw syntax("invalid character " + quoted() + " looking for beginning of value");
    String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
    try {
      return new JsonNumber(text);
    } catch (IllegalArgumentException e) {
      pos = start;
      throw syntax("invalid number " + text);
    }
  }

  private static boolean isNumberByte(byte b) {
    return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
  }

  /** A string from its opening quote; undecodable UTF-8 becomes U+FFFD, as Go's decoder does. */
  private String string() {
    int start = ++pos;
    while (pos < in.length && in[pos] != '"' && in[pos] != '\\') {
      if ((in[pos] & 0xff) < 0x20) throw syntax("invalid character " + quoted() + " in string literal");
      pos++;
    }
    if (pos >= in.length) throw endOfInput();
    if (in[pos] == '"') {
      return new String(in, start, pos++ - start, StandardCharsets.UTF_8);
    }
    return escapedString(start);
  }

  /** The rest of a string that has escapes, from its first backslash at {@code pos}. */
  private String escapedString(int start) {
    StringBuilder text = new StringBuilder(new String(in, start, pos - start, StandardCharsets.UTF_8));
    int run = pos;
    while (true) {
      if (pos >= in.length) throw endOfInput();
      byte b = in[pos];
      if (b == '"' || b == '\\') {
        text.append(new String(in, run, pos - run, StandardCharsets.UTF_8));
        if (b == '"') {
          pos++;
          return text.toString();
        }
        text.append(escape());
        run = pos;
      } else if ((b & 0xff) < 0x20) {
        throw syntax("invalid character " + quoted() + " in string literal");
      } else {
        pos++;
      }
    }
  }

  /** One escape sequence from its backslash. */
  private char escape() {
    if (++pos >= in.length) throw endOfInput();
    char c = (char) in[pos++];
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicodeEscape();
      default -> {
        pos--;
        throw syntax("invalid character " + quoted() + " in string escape code");
      }
    };
  }

  private char unicodeEscape() {
    if (pos + 4 > in.length) throw endOfInput();
    int value = 0;
    for (int i = 0; i < 4; i++, pos++) {
      int digit = Character.digit(in[pos], 16);
      if (digit < 0) throw syntax("invalid character " + quoted() + " in \\u hexadecimal character escape");
      value = value * 16 + digit;
    }
    return (char) value;
  }

  private void skipWhitespace() {
    while (pos < in.length && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) pos++;
  }

  private void skipByteOrderMark() {
    if (in.length >= 3 && (in[0] & 0xff) == 0xef && (in[1] & 0xff) == 0xbb && (in[2] & 0xff) == 0xbf) pos = 3;
  }

  private String quoted() {
    int b = in[pos] & 0xff;
    return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("0x%02x", b);
  }

  private static JsonSyntaxException endOfInput() {
    return new JsonSyntaxException("unexpected end of JSON input", null);
  }

  /** {@code message} at the current position: line and column (of bytes) counted from 1. */
  private JsonSyntaxException syntax(String message) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < pos; i++) {
      if (in[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new JsonSyntaxException(message + " at line " + line + ", column " + (pos - lineStart + 1), null);
  }
}
