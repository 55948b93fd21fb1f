package dev.lade.oci.image;

import dev.lade.oci.json.FieldReader;
import dev.lade.oci.json.JsonFieldException;
import dev.lade.oci.json.JsonReader;
import dev.lade.oci.json.JsonSyntaxException;
import dev.lade.oci.json.JsonValue;
import java.util.function.Function;

/** Parses a JSON document and turns its errors into {@link InvalidImageException}s. */
final class DocumentReader {
  private DocumentReader() {}

  static <T> T read(String document, byte[] bytes, Function<FieldReader, T> reader) {
    JsonValue json;
    try {
      json = JsonReader.parse(bytes);
    } catch (JsonSyntaxException e) {
      throw new InvalidImageException(document, "", "malformed JSON: " + e.getMessage());
    }
    try {
      return reader.apply(FieldReader.of(json));
    } catch (JsonFieldException e) {
      throw new InvalidImageException(document, e.path(), e.reason());
    }
  }
}
