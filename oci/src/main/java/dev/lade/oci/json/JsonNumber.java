package dev.lade.oci.json;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/** A JSON number, kept as its literal text so that it is written back unchanged. */
public record JsonNumber(String text) implements JsonValue {
  private static final Pattern GRAMMAR =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
  private static final Pattern INTEGER = Pattern.compile("-?(?:0|[1-9][0-9]*)");

  public JsonNumber {
    Objects.requireNonNull(text, "text");
    if (!GRAMMAR.matcher(text).matches()) {
      throw new IllegalArgumentException("not a JSON number: " + text);
    }
  }

  public static JsonNumber of(long value) {
    return new JsonNumber(Long.toString(value));
  }

  /** Whether the literal is an integer (no fraction, no exponent), as Go requires for int fields. */
  public boolean isInteger() {
    return INTEGER.matcher(text).matches();
  }

  public BigDecimal decimalValue() {
    return new BigDecimal(text);
  }
}
