package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting in tests for something another process does: polls, and fails after a minute saying what it waited for. */
final class Await {
  private Await() {}

  static void until(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plusSeconds(60);
    while (!condition.getAsBoolean()) {
      assertTrue(Instant.now().isBefore(deadline), "timed out waiting until " + what);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }
}
