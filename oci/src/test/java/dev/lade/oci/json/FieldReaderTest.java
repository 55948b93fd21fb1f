package dev.lade.oci.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FieldReaderTest {
  private static FieldReader reader(String json) {
    return FieldReader.of(JsonReader.parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertFieldError(String expectedMessage, Executable read) {
    assertEquals(expectedMessage, assertThrows(JsonFieldException.class, read).getMessage());
  }

  @Test
  void readsFieldsOfEveryShape() {
    FieldReader r =
        reader(
            "{\"s\":\"x\",\"n\":7,\"b\":true,\"l\":[\"a\",\"b\"],\"m\":{\"k\":\"v\"},"
                + "\"set\":{\"80/tcp\":{}},\"o\":{\"i\":1},\"os\":[{\"i\":2}],\"ns\":[10,-1]}");
    assertEquals("x", r.string("s"));
    assertEquals(7, r.requiredInteger("n"));
    assertTrue(r.bool("b"));
    assertEquals(List.of("a", "b"), r.strings("l"));
    assertEquals(Map.of("k", "v"), r.stringMap("m"));
    assertEquals(Set.of("80/tcp"), r.keySet("set"));
    assertEquals(1, r.requiredObject("o").integer("i"));
    assertEquals(2, r.objects("os").get(0).integer("i"));
    assertEquals(List.of(10L, -1L), r.integers("ns"));
    assertTrue(r.unknownFields().isEmpty());
  }

  @Test
  void absentAndNullOptionalFieldsReadAsEmpty() {
    FieldReader r = reader("{\"s\":null,\"l\":null,\"m\":null,\"o\":null}");
    assertEquals("", r.string("s"));
    assertEquals(List.of(), r.strings("l"));
    assertEquals(Map.of(), r.stringMap("m"));
    assertTrue(r.object("o").isEmpty());
    assertEquals(0, r.integer("missing"));
    assertFalse(r.bool("missing"));
    assertFalse(r.has("s"));
  }

  @Test
  void unknownFieldsAreTheOnesNotRead() {
    FieldReader r = reader("{\"a\":1,\"b\":{\"x\":[1]},\"c\":null}");
    r.integer("a");
    Map<String, JsonValue> unknown = r.unknownFields();
    assertEquals(List.of("b", "c"), List.copyOf(unknown.keySet()));
    assertEquals("{\"x\":[1]}", unknown.get("b").toJson());
    assertEquals(JsonNull.INSTANCE, unknown.get("c"));
  }

  @Test
  void errorsNameTheFieldPath() {
    FieldReader r = reader("{\"config\":{\"User\":1234,\"Env\":[\"A=1\",2]},\"layers\":[{},7]}");
    FieldReader config = r.requiredObject("config");
    assertFieldError("config.User: expected a string, got the number 1234", () -> config.string("User"));
    assertFieldError("config.Env[1]: expected a string, got the number 2", () -> config.strings("Env"));
    assertFieldError("layers[1]: expected an object, got the number 7", () -> r.objects("layers"));
    assertFieldError("config.Cmd: required field is missing", () -> config.requiredString("Cmd"));
    assertFieldError("s: must not be empty", () -> reader("{\"s\":\"\"}").requiredString("s"));
  }

  @Test
  void requiredIntegerRejectsFractionsAndStrings() {
    assertFieldError("v: expected an integer, got the number 2.0", () -> reader("{\"v\":2.0}").requiredInteger("v"));
    assertFieldError("v: expected an integer, got a string", () -> reader("{\"v\":\"2\"}").requiredInteger("v"));
    assertFieldError("v: required field is missing", () -> reader("{\"v\":null}").requiredInteger("v"));
    assertFieldError("v[1]: expected an integer, got a string", () -> reader("{\"v\":[1,\"2\"]}").integers("v"));
  }

  @Test
  void converterFailuresBecomeFieldErrors() {
    FieldReader r = reader("{\"d\":[\"ok\",\"bad\"]}");
    assertFieldError(
        "d[1]: no good",
        () ->
            r.strings(
                "d",
                s -> {
                  if (s.equals("bad")) throw new IllegalArgumentException("no good");
                  return s;
                }));
  }

  @Test
  void requiredObjectsAcceptsNullButNotAbsence() {
    assertEquals(List.of(), reader("{\"layers\":null}").requiredObjects("layers"));
    assertFieldError("layers: required field is missing", () -> reader("{}").requiredObjects("layers"));
  }

  @Test
  void documentMustBeAnObject() {
    assertFieldError("expected a JSON object, got an array", () -> FieldReader.of(new JsonArray(List.of())));
  }
}
