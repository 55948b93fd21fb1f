package dev.lade.oci.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
  private static JsonValue parse(String json) {
    return JsonReader.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAllValueTypesKeepingMemberOrder() {
    JsonObject object =
        (JsonObject) parse(" {\"z\": [true, false, null], \"a\": {\"n\": -1.5}, \"s\": \"\\u00e9\"} ");
    assertEquals("[z, a, s]", object.members().keySet().toString());
    assertEquals("{\"z\":[true,false,null],\"a\":{\"n\":-1.5},\"s\":\"é\"}", object.toJson());
  }

  @Test
  void aRepeatedKeyKeepsItsLastValueLikeGo() {
    assertEquals("{\"a\":2}", parse("{\"a\":1,\"a\":2}").toJson());
  }

  @Test
  void rejectsTrailingData() {
    JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> parse("{} {}"));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void rejectsEmptyInput() {
    assertEquals(
        "unexpected end of JSON input",
        assertThrows(JsonSyntaxException.class, () -> parse("  ")).getMessage());
  }

  @Test
  void syntaxErrorIsOneLineWithPosition() {
    JsonSyntaxException e =
        assertThrows(JsonSyntaxException.class, () -> parse("{\n  \"a\": [1,,2]\n}"));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertTrue(e.getMessage().endsWith("at line 2, column 11"), e.getMessage());
  }

  @Test
  void rejectsTruncatedDocument() {
    assertThrows(JsonSyntaxException.class, () -> parse("{\"a\": [1, 2"));
  }

  @Test
  void decodesEveryEscapeAndUtf8() {
    JsonString s = (JsonString) parse("\"a\\\"\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00 é🙂\"");
    assertEquals("a\"/\b\f\n\r\té\ud83d\ude00 é🙂", s.value());
  }

  @Test
  void keepsNumbersAsWritten() {
    assertEquals("[0,-1.50,1e+10,2E-3]", parse("[0, -1.50, 1e+10, 2E-3]").toJson());
  }

  @Test
  void rejectsWhatJsonDoesNotAllow() {
    for (String bad : List.of("[01]", "[1.]", "[-]", "[+1]", "{'a':1}", "{\"a\" 1}", "[1 2]", "tru", "nul",
        "\"a\tb\"", "\"\\x\"", "\"\\u12g4\"", "{\"a\":1,}", "[1,]", "\"open")) {
      assertThrows(JsonSyntaxException.class, () -> parse(bad), bad);
    }
  }

  @Test
  void refusesNestingDeeperThanAThousand() {
    String deep = "[".repeat(1001) + "]".repeat(1001);
    assertTrue(assertThrows(JsonSyntaxException.class, () -> parse(deep)).getMessage().startsWith("exceeded max depth"));
    assertEquals("[".repeat(1000) + "]".repeat(1000), parse("[".repeat(1000) + "]".repeat(1000)).toJson());
  }
}
