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
    StringBuilder out =
        new StringBuilder(
            String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d",
                t.getYear(),
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond()));
    if (t.getNano() != 0) {
      out.append('.').append(String.format("%09d", t.getNano()).replaceFirst("0+$", ""));
    }
    return out.append('Z').toString();
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
