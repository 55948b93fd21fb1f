package dev.lade.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the errors out of a registry's error response body. */
final class ErrorBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How much of an error body is read: they are small, and a broken proxy may send a web page. */
  static final int LIMIT = 64 * 1024;

  private ErrorBodies() {}

  /** The {@code errors} of {@code body}; empty if it is not distribution's error JSON. */
  static List<RegistryError> parse(byte[] body) {
    List<RegistryError> errors = new ArrayList<>();
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode list = root == null ? null : root.get("errors");
      if (list == null || !list.isArray()) return errors;
      for (JsonNode entry : list) {
        errors.add(new RegistryError(text(entry, "code"), text(entry, "message")));
      }
    } catch (IOException notJson) {
      return errors;
    }
    return errors;
  }

  /** A short reason for a response without error JSON: the status and any one-line plain text. */
  static String reason(int status, byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
    boolean plain = !text.isEmpty() && !text.startsWith("<") && !text.startsWith("{") && text.lines().count() == 1;
    return "HTTP " + status + (plain ? " " + text : "");
  }

  private static String text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }
}
