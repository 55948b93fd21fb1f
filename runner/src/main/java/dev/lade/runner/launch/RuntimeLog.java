package dev.lade.runner.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The log runc and crun write with {@code --log-format json}: one object a line, {@code level} and {@code msg}
 * among its fields.
 */
final class RuntimeLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RuntimeLog() {}

  /** The message of the last {@code error} (or {@code fatal}) entry of {@code log}, or null when it has none. */
  static String lastError(String log) {
    String last = null;
    for (String line : log.lines().toList()) {
      JsonNode entry = parse(line);
      String level = entry == null ? "" : entry.path("level").asText();
      if (level.equals("error") || level.equals("fatal")) {
        last = entry.path("msg").asText().strip();
      }
    }
    return last;
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }
}
