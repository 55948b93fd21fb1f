package dev.lade.registry.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

  @Test
  void retryAfterInSecondsOrAsHttpDate() {
    // RFC 9110 section 10.2.3's examples.
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", CLOCK));
    assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", CLOCK));
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", CLOCK));
    assertEquals(Optional.empty(), RetryAfter.parse("soon", CLOCK));
    assertEquals(Optional.empty(), RetryAfter.parse(null, CLOCK));
  }

  @Test
  void backoffGrowsWithJitterUpToTheCeiling() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(5));
    for (int i = 0; i < 50; i++) {
      long first = policy.delayAfter(1, null).toMillis();
      long third = policy.delayAfter(3, null).toMillis();
      long ninth = policy.delayAfter(9, null).toMillis();
      assertTrue(first >= 50 && first <= 100, "first " + first);
      assertTrue(third >= 200 && third <= 400, "third " + third);
      assertTrue(ninth >= 500 && ninth <= 1000, "ninth " + ninth);
    }
  }

  @Test
  void retryAfterWinsButIsCapped() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5));

    assertEquals(Duration.ofSeconds(3), policy.delayAfter(1, Duration.ofSeconds(3)));
    assertEquals(Duration.ofSeconds(5), policy.delayAfter(1, Duration.ofHours(1)));
  }
}
