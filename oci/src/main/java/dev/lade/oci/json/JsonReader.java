package dev.lade.oci.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON bytes into {@link JsonValue}s. Like Go's {@code json.Unmarshal} it accepts exactly one
 * value (whitespace around it is fine), a repeated key keeps its last value, invalid UTF-8 in
 * strings becomes U+FFFD, and errors read as Go's ({@code invalid character 'x' looking for
 * beginning of value}), with the line and column.
 *
 * <p>Written by hand rather than on jackson-core, whose parser classes initialise {@code
 * BigDecimal}: tens of milliseconds of every short-lived lade command that reads a manifest.
 */
public final class JsonReader {
  /** Deeper documents are refused rather than risking the stack (jackson-core's default limit). */
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
    reader.skipWhitespace();
    JsonValue value = reader.value("looking for beginning of value");
    reader.skipWhitespace();
    if (reader.pos < bytes.length) throw reader.invalid("after top-level value");
    return value;
  }

  private JsonValue value(String context) {
    if (pos >= in.length) throw endOfInput();
    return switch (in[pos]) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> new JsonString(string());
      case 't' -> literal("true", JsonBoolean.TRUE);
      case 'f' -> literal("false", JsonBoolean.FALSE);
      case 'n' -> literal("null", JsonNull.INSTANCE);
      default -> {
        if (in[pos] == '-' || isDigit(in[pos])) yield number();
        throw invalid(context);
      }
    };
  }

  private JsonObject object() {
    enter();
    pos++; // {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return new JsonObject(members);
    }
    while (true) {
      if (peek() != '"') throw invalid("looking for beginning of object key string");
      String key = string();
      skipWhitespace();
      if (peek() != ':') throw invalid("after object key");
      pos++;
      skipWhitespace();
      members.put(key, value("looking for beginning of value"));
      skipWhitespace();
      int next = peek();
      pos++;
      if (next == '}') break;
      if (next != ',') {
        pos--;
        throw invalid("after object key:value pair");
      }
      skipWhitespace();
    }
    depth--;
    return new JsonObject(members);
  }

  private JsonArray array() {
    enter();
    pos++; // [
    List<JsonValue> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return new JsonArray(elements);
    }
    while (true) {
      elements.add(value("looking for beginning of value"));
      skipWhitespace();
      int next = peek();
      pos++;
      if (next == ']') break;
      if (next != ',') {
        pos--;
        throw invalid("after array element");
      }
      skipWhitespace();
    }
    depth--;
    return new JsonArray(elements);
  }

  private void enter() {
    if (++depth > MAX_DEPTH) throw syntax("exceeded max depth of " + MAX_DEPTH);
  }

  /** A string literal at {@code pos} (its opening quote), unescaped. */
  private String string() {
    int start = ++pos;
    StringBuilder out = null;
    while (true) {
      if (pos >= in.length) throw endOfInput();
      byte b = in[pos];
      if (b == '"') break;
      if ((b & 0xff) < 0x20) throw invalid("in string literal");
      if (b != '\\') {
        pos++;
        continue;
      }
      if (out == null) out = new StringBuilder();
      out.append(new String(in, start, pos - start, StandardCharsets.UTF_8));
      out.append(escape());
      start = pos;
    }
    String tail = new String(in, start, pos - start, StandardCharsets.UTF_8);
    pos++; // "
    return out == null ? tail : out.append(tail).toString();
  }

  /** The character an escape at {@code pos} (its backslash) stands for; leaves {@code pos} after it. */
  private char escape() {
    pos++;
    if (pos >= in.length) throw endOfInput();
    char c = switch (in[pos]) {
      case '"' -> '"';
      case '\\' -> '\\';
      case '/' -> '/';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        int code = 0;
        for (int i = 0; i < 4; i++) {
          pos++;
          if (pos >= in.length) throw endOfInput();
          int digit = Character.digit(in[pos], 16);
          if (digit < 0) throw invalid("in \\u hexadecimal character escape");
          code = code * 16 + digit;
        }
        yield (char) code;
      }
      default -> throw invalid("in string escape code");
    };
    pos++;
    return c;
  }

  /** A number literal, checked against JSON's grammar. */
  private JsonNumber number() {
    int start = pos;
    if (in[pos] == '-') pos++;
    if (pos >= in.length) throw endOfInput();
    if (in[pos] == '0') {
      pos++;
    } else if (isDigit(in[pos])) {
      digits();
    } else {
      throw invalid("in numeric literal");
    }
    if (pos < in.length && in[pos] == '.') {
      pos++;
      requireDigit();
      digits();
    }
    if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) pos++;
      requireDigit();
      digits();
    }
    return new JsonNumber(new String(in, start, pos - start, StandardCharsets.US_ASCII));
  }

  private void requireDigit() {
    if (pos >= in.length) throw endOfInput();
    if (!isDigit(in[pos])) throw invalid("in numeric literal");
  }

  private void digits() {
    while (pos < in.length && isDigit(in[pos])) pos++;
  }

  private JsonValue literal(String word, JsonValue value) {
    for (int i = 0; i < word.length(); i++) {
      if (pos >= in.length) throw endOfInput();
      if (in[pos] != word.charAt(i)) throw invalid("in literal " + word + " (expecting '" + word.charAt(i) + "')");
      pos++;
    }
    return value;
  }

  private void skipWhitespace() {
    while (pos < in.length && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) pos++;
  }

  /** The byte at {@code pos}; end of input is an error wherever a next byte is needed. */
  private int peek() {
    if (pos >= in.length) throw endOfInput();
    return in[pos];
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static JsonSyntaxException endOfInput() {
    return new JsonSyntaxException("unexpected end of JSON input", null);
  }

  /** Go's words for the character at {@code pos}: {@code invalid character 'x' CONTEXT}. */
  private JsonSyntaxException invalid(String context) {
    return syntax("invalid character " + quote() + " " + context);
  }

  private JsonSyntaxException syntax(String message) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < pos && i < in.length; i++) {
      if (in[i] == '\n') {
        line++;
        column = 1;
      } else if ((in[i] & 0xc0) != 0x80) {
        column++; // a continuation byte of UTF-8 is part of the previous character
      }
    }
    return new JsonSyntaxException(message + " at line " + line + ", column " + column, null);
  }

  /** The character at {@code pos} quoted as Go's {@code quoteChar}. */
  private String quote() {
    int b = in[pos] & 0xff;
    if (b == '\'') return "'\\''";
    if (b == '"') return "'\"'";
    if (b >= 0x20 && b < 0x7f) return "'" + (char) b + "'";
    if (b < 0x80) return "'\\x" + HexFormat.of().toHexDigits((byte) b) + "'";
    int end = pos + 1;
    while (end < in.length && end < pos + 4 && (in[end] & 0xc0) == 0x80) end++;
    return "'" + new String(in, pos, end - pos, StandardCharsets.UTF_8) + "'";
  }
}
