package dev.lade.cli.buildrun;

import java.util.LinkedHashMap;
import java.util.Map;

/** buildx's {@code key=value,key=value} option values. */
final class Specs {
  private Specs() {}

  static Map<String, String> fields(String spec, String option) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String field : spec.split(",")) {
      int eq = field.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("invalid " + option + " " + spec + ": expected key=value, got " + field);
      out.put(field.substring(0, eq).strip(), field.substring(eq + 1));
    }
    return out;
  }
}
