package dev.lade.oci.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lade.oci.digest.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawJsonTest {
  @Test
  void keepsExactBytesEvenWhenTheyAreNotCanonical() throws IOException {
    byte[] pretty = "{ \"b\" : 1,\n  \"a\": 2 }\n".getBytes(StandardCharsets.UTF_8);
    RawJson<JsonValue> raw = RawJson.parse(pretty, JsonReader::parse);
    assertArrayEquals(pretty, raw.bytes());
    assertArrayEquals(pretty, raw.openStream().readAllBytes());
    assertEquals(Digest.sha256(pretty), raw.digest());
    assertEquals(pretty.length, raw.size());
    assertEquals("{\"b\":1,\"a\":2}", raw.value().toJson());
  }

  @Test
  void isNotChangedByTheCallersArray() {
    byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
    RawJson<JsonValue> raw = RawJson.parse(bytes, JsonReader::parse);
    bytes[0] = '[';
    assertEquals("{}", new String(raw.bytes(), StandardCharsets.UTF_8));
  }

  @Test
  void encodeUsesTheGivenEncoder() {
    RawJson<JsonValue> raw = RawJson.encode(JsonObject.EMPTY, CanonicalJson::compact);
    assertEquals(
        "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
        raw.digest().toString());
  }

  @Test
  void equalityIsByBytesNotByValue() {
    RawJson<JsonValue> compact = RawJson.parse("{}".getBytes(), JsonReader::parse);
    RawJson<JsonValue> spaced = RawJson.parse("{ }".getBytes(), JsonReader::parse);
    assertEquals(compact.value(), spaced.value());
    assertNotEquals(compact, spaced);
    assertEquals(compact, RawJson.encode(JsonObject.EMPTY, CanonicalJson::compact));
  }
}
