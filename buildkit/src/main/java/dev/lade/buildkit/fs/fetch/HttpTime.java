package dev.lade.buildkit.fs.fetch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's {@code http.ParseTime}, which BuildKit's HTTP source reads {@code Last-Modified} with: RFC
 * 1123 with {@code GMT} and a two-digit day, RFC 850, or ANSI C's {@code asctime} format, all in
 * UTC; the weekday's name is read but not checked against the date, as Go's parser does. A value
 * in any other shape (a one-digit day, a numeric zone) is not a time.
 */
final class HttpTime {
  private record Shape(Pattern pattern, DateTimeFormatter format) {}

  private static final List<Shape> SHAPES = List.of(
      shape("[A-Za-z]{3}, (\\d{2} [A-Za-z]{3} \\d{4} \\d{2}:\\d{2}:\\d{2}) GMT", "dd MMM uuuu HH:mm:ss"),
      // Go reads a two-digit year 69-99 as 19xx, 00-68 as 20xx.
      new Shape(Pattern.compile("[A-Za-z]+, (\\d{2}-[A-Za-z]{3}-\\d{2} \\d{2}:\\d{2}:\\d{2}) [A-Z]{3,4}"),
          strict(new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("dd-MMM-")
              .appendValueReduced(ChronoField.YEAR, 2, 2, 1969).appendPattern(" HH:mm:ss"))),
      shape("[A-Za-z]{3} ([A-Za-z]{3} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4})", "MMM ppd HH:mm:ss uuuu"));

  private HttpTime() {}

  private static Shape shape(String regex, String pattern) {
    return new Shape(Pattern.compile(regex),
        strict(new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)));
  }

  /** Go refuses dates that do not exist, such as February 31st. */
  private static DateTimeFormatter strict(DateTimeFormatterBuilder builder) {
    return builder.toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
  }

  /** The time {@code value} names, or empty when Go would not parse it. */
  static Optional<Instant> parse(String value) {
    for (Shape shape : SHAPES) {
      Matcher m = shape.pattern().matcher(value);
      if (!m.matches()) continue;
      try {
        return Optional.of(LocalDateTime.parse(m.group(1), shape.format()).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
