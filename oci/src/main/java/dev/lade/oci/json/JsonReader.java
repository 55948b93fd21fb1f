package dev.lade.oci.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON bytes into {@link JsonValue}s. Like Go's {@code json.Unmarshal} it accepts exactly one
 * value (whitespace around it is fine), and a repeated key keeps its last value.
 */
public final class JsonReader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  private JsonReader() {}

  /**
   * Parses {@code bytes}, which must hold a single JSON value.
   *
   * @throws JsonSyntaxException with a one-line message giving line and column
   */
  public static JsonValue parse(byte[] bytes) {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == null) throw new JsonSyntaxException("unexpected end of JSON input", null);
      JsonValue value = read(parser, first);
      if (parser.nextToken() != null) {
        throw syntax("invalid character after top-level value", parser.currentLocation(), null);
      }
      return value;
    } catch (JsonParseException e) {
      throw syntax(e.getOriginalMessage(), e.getLocation(), e);
    } catch (IOException e) {
      throw new JsonSyntaxException("unreadable JSON: " + e.getMessage(), e);
    }
  }

  private static JsonValue read(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> readObject(parser);
      case START_ARRAY -> readArray(parser);
      case VALUE_STRING -> new JsonString(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(parser.getText());
      case VALUE_TRUE -> JsonBoolean.TRUE;
      case VALUE_FALSE -> JsonBoolean.FALSE;
      case VALUE_NULL -> JsonNull.INSTANCE;
      default -> throw syntax("unexpected " + token, parser.currentLocation(), null);
    };
  }

  private static JsonObject readObject(JsonParser parser) throws IOException {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      String key = parser.currentName();
      members.put(key, read(parser, parser.nextToken()));
    }
    return new JsonObject(members);
  }

  private static JsonArray readArray(JsonParser parser) throws IOException {
    List<JsonValue> elements = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      elements.add(read(parser, t));
    }
    return new JsonArray(elements);
  }

  private static JsonSyntaxException syntax(String message, JsonLocation at, Throwable cause) {
    String where =
        at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new JsonSyntaxException(message.lines().findFirst().orElse(message) + where, cause);
  }
}
