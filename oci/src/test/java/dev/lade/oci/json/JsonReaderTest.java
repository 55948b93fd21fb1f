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
  void errorsReadAsGosWithTheirPosition() {
    assertEquals("invalid character 'x' looking for beginning of value at line 1, column 7",
        assertThrows(JsonSyntaxException.class, () -> parse("{\"a\": x}")).getMessage());
    assertEquals("invalid character '}' after object key at line 1, column 5",
        assertThrows(JsonSyntaxException.class, () -> parse("{\"a\"}")).getMessage());
    assertEquals("invalid character ']' after object key:value pair at line 1, column 8",
        assertThrows(JsonSyntaxException.class, () -> parse("{\"a\": 1]")).getMessage());
    assertEquals("invalid character '1' looking for beginning of object key string at line 1, column 2",
        assertThrows(JsonSyntaxException.class, () -> parse("{1: 2}")).getMessage());
    assertEquals("invalid character '\\x01' in string literal at line 1, column 3",
        assertThrows(JsonSyntaxException.class, () -> parse("\"a\u0001\"")).getMessage());
  }

  @Test
  void numbersFollowJsonsGrammar() {
    assertEquals("[0,-0.5,1e+10,2E-3,-12]", parse("[0, -0.5, 1e+10, 2E-3, -12]").toJson());
    for (String bad : new String[] {"01", "-", "1.", "1e", "+1", ".5", "-a"}) {
      assertThrows(JsonSyntaxException.class, () -> parse(bad), bad);
    }
  }

  @Test
  void refusesNestingDeeperThanAThousand() {
    String deep = "[".repeat(1001) + "]".repeat(1001);
    assertTrue(assertThrows(JsonSyntaxException.class, () -> parse(deep)).getMessage().startsWith("exceeded max depth"));
    assertEquals("[".repeat(1000) + "]".repeat(1000), parse("[".repeat(1000) + "]".repeat(1000)).toJson());
  }

  @Test
  void stringsUnescapeAndDecodeUtf8() {
    JsonString s = (JsonString) parse("\"\\\"\\/\\b\\f\\n\\r\\t\\\\\\u00e9\\ud83d\\ude00\u00e9\"");
    assertEquals("\"/\b\f\n\r\t\\\u00e9\ud83d\ude00\u00e9", s.value());
    byte[] invalid = {'"', 'a', (byte) 0xff, 'b', '"'};
    assertEquals("a\ufffdb", ((JsonString) JsonReader.parse(invalid)).value());
    assertThrows(JsonSyntaxException.class, () -> parse("\"\\q\""));
    assertThrows(JsonSyntaxException.class, () -> parse("\"\\u00g0\""));
  }

  @Test
  void literalsAreExact() {
    assertEquals("[true,false,null]", parse("[true,false,null]").toJson());
    assertThrows(JsonSyntaxException.class, () -> parse("tru"));
    assertThrows(JsonSyntaxException.class, () -> parse("nul1"));
  }
}
