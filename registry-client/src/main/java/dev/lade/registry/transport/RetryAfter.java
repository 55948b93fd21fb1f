package dev.lade.registry.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 section 10.2.3). */
public final class RetryAfter {
  private RetryAfter() {}

  /** The delay {@code header} asks for, seen at {@code clock}; empty if absent or unreadable. */
  public static Optional<Duration> parse(String header, Clock clock) {
    if (header == null || header.isBlank()) return Optional.empty();
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException tooLarge) {
        return Optional.empty();
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration delay = Duration.between(clock.instant(), at.toInstant());
      return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }
}
