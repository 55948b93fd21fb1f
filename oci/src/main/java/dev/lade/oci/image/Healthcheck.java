package dev.lade.oci.image;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Docker's {@code HEALTHCHECK} settings. Zero durations and retries mean "inherit".
 *
 * @param test the test: empty to inherit, {@code [NONE]} to disable, {@code [CMD, args...]} or
 *     {@code [CMD-SHELL, command]}
 * @param interval the time between checks
 * @param timeout the time before a check is considered hung
 * @param startPeriod the time the container gets to start before failures count
 * @param startInterval the time between checks during the start period
 * @param retries the consecutive failures needed to be unhealthy
 */
public record Healthcheck(
    List<String> test,
    Duration interval,
    Duration timeout,
    Duration startPeriod,
    Duration startInterval,
    int retries) {
  public Healthcheck {
    test = List.copyOf(Objects.requireNonNullElse(test, List.of()));
    interval = Objects.requireNonNullElse(interval, Duration.ZERO);
    timeout = Objects.requireNonNullElse(timeout, Duration.ZERO);
    startPeriod = Objects.requireNonNullElse(startPeriod, Duration.ZERO);
    startInterval = Objects.requireNonNullElse(startInterval, Duration.ZERO);
  }
}
