package dev.lade.dockerfile.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The harness itself: escaping throwables, stack overflows and hangs fail the run, naming the case's seed. */
class FuzzRunTest {
  private static final Duration PER_CASE = Duration.ofMillis(300);

  @Test
  void casesAreDeterministicAndDistinct() {
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    new FuzzRun("seeds", PER_CASE, seed -> "").run(7, 50, seed -> {
      first.add(seed);
      return "ok";
    });
    new FuzzRun("seeds", PER_CASE, seed -> "").run(7, 50, seed -> {
      second.add(seed);
      return "ok";
    });
    assertEquals(first, second);
    assertEquals(50, first.stream().distinct().count());
  }

  @Test
  void anUntypedExceptionFailsTheRunWithItsSeed() {
    long[] bad = {0};
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> new FuzzRun("cases", PER_CASE, seed -> "input of " + seed).run(8, 20, seed -> {
          if (bad[0] == 0) bad[0] = seed;
          if (seed == bad[0]) throw new IllegalStateException("boom");
          return "ok";
        }));
    assertTrue(e.getMessage().startsWith("1 of 20 cases failed"), e.getMessage());
    assertTrue(e.getMessage().contains("case " + bad[0] + ": java.lang.IllegalStateException: boom"), e.getMessage());
    assertTrue(e.getMessage().contains("input of " + bad[0]), e.getMessage());
  }

  @Test
  void aStackOverflowIsCaughtAsAFailure() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> new FuzzRun("cases", PER_CASE, seed -> "").run(9, 1, seed -> "depth " + recurse(0)));
    assertTrue(e.getMessage().contains("java.lang.StackOverflowError"), e.getMessage());
  }

  @Test
  void aHangIsReportedWithItsSeed() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> new FuzzRun("cases", PER_CASE, seed -> "").run(10, 3, seed -> {
          Thread.sleep(60_000);
          return "never";
        }));
    assertTrue(e.getMessage().contains("hangs: still running after 300 ms"), e.getMessage());
  }

  private static int recurse(int depth) {
    return depth < 0 ? depth : recurse(depth + 1) + 1;
  }
}
