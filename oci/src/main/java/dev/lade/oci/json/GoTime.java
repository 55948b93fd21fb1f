package dev.lade.oci.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Times as Go's {@code time.Time} writes them to JSON: RFC 3339 with nanoseconds, trailing zeros of
 * the fraction dropped ({@code 2015-10-31T22:22:56.015925234Z}).
 */
public final class GoTime {
  private static final Pattern RFC3339 =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})");

  private GoTime() {}

  /** Formats {@code time} in UTC as Go's {@code time.RFC3339Nano}. */
  public static String format(Instant time) {
    OffsetDateTime t = time.atOffset(ZoneOffset.UTC);
    if (t.getYear() < 0 || t.getYear() > 9999) {
      throw new IllegalArgumentException("year outside of [0,9999]: " + time);
    }
    // Padded by hand: String.format's first use loads the locale data, tens of milliseconds.
    StringBuilder out = new StringBuilder(30);
    pad(out, t.getYear(), 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append('T');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2);
    if (t.getNano() != 0) {
      pad(out.append('.'), t.getNano(), 9);
      while (out.charAt(out.length() - 1) == '0') out.setLength(out.length() - 1);
    }
    return out.append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) out.append('0');
    return out.append(digits);
  }

  /**
   * Parses an RFC 3339 time as Go's {@code time.Time} JSON decoding accepts it.
   *
   * @throws IllegalArgumentException if {@code text} is not such a time
   */
  public static Instant parse(String text) {
    if (!RFC3339.matcher(text).matches()) {
      throw new IllegalArgumentException("not an RFC 3339 time: \"" + text + "\"");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an RFC 3339 time: \"" + text + "\"", e);
    }
  }
}
