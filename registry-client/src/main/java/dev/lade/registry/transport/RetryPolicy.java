package dev.lade.registry.transport;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently idempotent requests are retried after connection errors, 5xx and 429:
 * exponential backoff from {@code initialDelay} doubling up to {@code maxDelay}, with full jitter,
 * and a registry's {@code Retry-After} honoured up to {@code maxRetryAfter}.
 *
 * @param maxAttempts attempts in all, the first included (1 means no retry)
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {

  public RetryPolicy {
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    if (initialDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
  }

  /** Five attempts, 200 ms doubling up to 10 s, Retry-After honoured up to a minute. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(1));
  }

  /** No retries at all. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The pause before attempt {@code attempt + 1} after attempt {@code attempt} (from 1) failed; a
   * {@code retryAfter} the registry asked for wins, capped at {@code maxRetryAfter}.
   */
  public Duration delayAfter(int attempt, Duration retryAfter) {
    if (retryAfter != null) return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    long ceiling = initialDelay.toMillis() << Math.min(attempt - 1, 20);
    ceiling = Math.min(ceiling, maxDelay.toMillis());
    // Full jitter: clients retrying together after one outage spread out instead of in lockstep.
    return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
  }
}
