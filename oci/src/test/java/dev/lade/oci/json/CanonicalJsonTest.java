package dev.lade.oci.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  private static String compact(JsonValue value) {
    return new String(CanonicalJson.compact(value), StandardCharsets.UTF_8);
  }

  private static String indented(JsonValue value) {
    return new String(CanonicalJson.indented(value), StandardCharsets.UTF_8);
  }

  @Test
  void escapesStringsLikeGoWithHtmlEscaping() {
    String input = "<a href=\"x\">&</a>\\ \n\r\t\b\f \u0001\u001f \u007f \u2028\u2029 é 😀";
    String expected =
        "\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\\\\ \\n\\r\\t\\b\\f"
            + " \\u0001\\u001f \u007f \\u2028\\u2029 é 😀\"";
    assertEquals(expected, compact(new JsonString(input)));
  }

  @Test
  void writesALoneSurrogateAsReplacementCharacter() {
    assertEquals("\"a\\ufffdb\"", compact(new JsonString("a\uD800b")));
  }

  @Test
  void compactHasNoWhitespaceAndNoTrailingNewline() {
    JsonObject value =
        JsonObject.builder()
            .put("b", 1)
            .put("a", JsonArray.ofStrings(List.of("x", "y")))
            .put("c", JsonObject.EMPTY)
            .put("d", JsonNull.INSTANCE)
            .put("e", JsonBoolean.TRUE)
            .build();
    assertEquals("{\"b\":1,\"a\":[\"x\",\"y\"],\"c\":{},\"d\":null,\"e\":true}", compact(value));
  }

  @Test
  void indentedMatchesGoMarshalIndentWithTwoSpaces() {
    JsonObject value =
        JsonObject.builder()
            .put("a", new JsonArray(List.of()))
            .put("b", JsonObject.EMPTY)
            .put(
                "c",
                new JsonArray(
                    List.of(JsonNumber.of(1), JsonObject.builder().put("d", "e").build())))
            .build();
    String expected =
        """
        {
          "a": [],
          "b": {},
          "c": [
            1,
            {
              "d": "e"
            }
          ]
        }""";
    assertEquals(expected, indented(value));
  }

  @Test
  void sortsMapKeysByUtf8BytesLikeGo() {
    // U+FF5E sorts before U+1F600 in UTF-8 byte order, but after its surrogates in UTF-16 order.
    Map<String, String> map = Map.of("\uFF5E", "1", "😀", "2", "B", "3", "a", "4");
    assertEquals("{\"B\":\"3\",\"a\":\"4\",\"～\":\"1\",\"😀\":\"2\"}", compact(JsonObject.ofStrings(map)));
  }

  @Test
  void writesSetsAsObjectsOfEmptyObjects() {
    assertEquals(
        "{\"443/tcp\":{},\"80/tcp\":{}}",
        compact(JsonObject.ofEmptyObjects(Set.of("80/tcp", "443/tcp"))));
  }

  @Test
  void omitEmptyFollowsGoRules() {
    JsonObject value =
        JsonObject.builder()
            .putOmitEmpty("s", "")
            .putOmitEmpty("n", 0L)
            .putOmitEmpty("b", false)
            .putOmitEmpty("l", List.of())
            .putOmitEmpty("m", Map.of())
            .putOmitEmpty("p", (JsonValue) null)
            .putOmitEmpty("kept", "x")
            .build();
    assertEquals("{\"kept\":\"x\"}", compact(value));
  }

  @Test
  void keepsNumberLiteralsAsWritten() {
    JsonValue parsed = JsonReader.parse("[1.50,-0,1e10,12345678901234567890]".getBytes());
    assertEquals("[1.50,-0,1e10,12345678901234567890]", compact(parsed));
  }
}
