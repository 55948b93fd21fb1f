package dev.lade.dockerfile.ast;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code HEALTHCHECK NONE} or {@code HEALTHCHECK [--interval=D] [--timeout=D] [--start-period=D]
 * [--start-interval=D] [--retries=N] CMD command}.
 *
 * <p>A zero duration or zero retries means "not set": the runtime's default applies (30s, 30s,
 * 0s, 5s, 3).
 *
 * @param test the command to run; empty for {@code HEALTHCHECK NONE}
 */
public record Healthcheck(
    Optional<CommandLine> test, Duration interval, Duration timeout, Duration startPeriod,
    Duration startInterval, int retries, SourceLocation location, String original)
    implements Instruction {

  /** {@code HEALTHCHECK NONE}: disables any health check inherited from the base image. */
  public boolean isNone() {
    return test.isEmpty();
  }
}
