package dev.lade.dockerfile.ast;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code --mount} value into fields as Go's {@code encoding/csv} reads one record (via
 * BuildKit's {@code csvvalue}): commas separate fields, a field that starts with {@code "} is
 * quoted and {@code ""} inside it is a quote; a quote anywhere else is an error.
 */
final class MountCsv {
  private static final String BARE_QUOTE = "bare \" in non-quoted-field";
  private static final String QUOTE = "extraneous or missing \" in quoted-field";

  private MountCsv() {}

  static List<String> fields(String value) {
    String line = value;
    if (line.endsWith("\r\n")) line = line.substring(0, line.length() - 2);
    else if (line.endsWith("\n")) line = line.substring(0, line.length() - 1);
    if (line.isEmpty()) throw failure("EOF");
    List<String> fields = new ArrayList<>();
    int i = 0;
    while (true) {
      if (i == line.length() || line.charAt(i) != '"') {
        int comma = line.indexOf(',', i);
        String field = comma >= 0 ? line.substring(i, comma) : line.substring(i);
        int quote = field.indexOf('"');
        if (quote >= 0) throw parseError(line, i + quote, BARE_QUOTE);
        fields.add(field);
        if (comma < 0) return fields;
        i = comma + 1;
        continue;
      }
      i = quotedField(line, i + 1, fields);
      if (i < 0) return fields;
    }
  }

  /**
   * Reads a quoted field starting after its opening quote; returns where the next field starts,
   * or -1 when the line ends with this field.
   */
  private static int quotedField(String line, int start, List<String> fields) {
    StringBuilder field = new StringBuilder();
    int i = start;
    while (true) {
      int quote = line.indexOf('"', i);
      if (quote < 0) throw parseError(line, i, QUOTE);
      field.append(line, i, quote);
      i = quote + 1;
      if (i == line.length()) {
        fields.add(field.toString());
        return -1;
      }
      char next = line.charAt(i);
      if (next == '"') {
        field.append('"');
        i++;
      } else if (next == ',') {
        fields.add(field.toString());
        return i + 1;
      } else {
        throw parseError(line, i - 1, QUOTE);
      }
    }
  }

  /** Go reports the column as a 1-based byte offset. */
  private static InvalidInstructionException parseError(String line, int charIndex, String what) {
    int column = line.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length + 1;
    return failure("parse error on line 1, column " + column + ": " + what);
  }

  private static InvalidInstructionException failure(String cause) {
    return new InvalidInstructionException("failed to parse csv mounts: " + cause);
  }
}
