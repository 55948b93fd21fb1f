package dev.lade.dockerfile.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A complexity check, not a benchmark: the best time on an input of size {@code 8n} must be under
 * {@value #MAX_RATIO} times the best time on size {@code n}. Linear work gives about 8, quadratic
 * about 64. To hold on a loaded CI machine: times are the measuring thread's CPU time (so that
 * waiting for a core, which a loaded machine does a lot of, does not count), {@code n} grows until
 * one run takes a few milliseconds, times are the best of several runs after a warm-up and a
 * collection, and a round that misses is tried again; a quadratic step misses every round.
 */
final class Linearity {
  static final int FACTOR = 8;
  static final double MAX_RATIO = 30;
  private static final long MIN_SMALL_NANOS = 2_000_000;
  private static final int MAX_GROWTH = 16;
  private static final int ROUNDS = 4;
  private static final int SMALL_RUNS = 5;
  private static final int BIG_RUNS = 2;
  private static final Duration LIMIT = Duration.ofSeconds(60); // wall time: generous, as a loaded machine stretches it

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private Linearity() {}

  /**
   * @param shape what is measured, for the output
   * @param n the smallest size to try (in the unit {@code build} takes)
   * @param build the input of a given size
   * @param work what is timed; it may throw nothing (wrap expected typed errors)
   */
  static <T> void check(String shape, int n, IntFunction<T> build, Consumer<T> work) {
    // a quadratic step on the big input could run for minutes; it fails as soon as it is clearly slow
    assertTimeoutPreemptively(LIMIT, () -> measure(shape, n, build, work), () -> shape + ": no result within " + LIMIT);
  }

  private static <T> void measure(String shape, int n, IntFunction<T> build, Consumer<T> work) {
    int size = n;
    T small = build.apply(size);
    for (int i = 0; i < 3; i++) work.accept(small);
    while (time(work, small) < MIN_SMALL_NANOS && size < n * MAX_GROWTH) {
      size *= 2;
      small = build.apply(size);
      work.accept(small);
    }
    T big = build.apply(size * FACTOR);
    work.accept(big);
    List<String> ratios = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      System.gc(); // so that no earlier round's garbage is collected during this one
      long smallNanos = Long.MAX_VALUE;
      long bigNanos = Long.MAX_VALUE;
      for (int run = 0; run < Math.max(SMALL_RUNS, BIG_RUNS); run++) {
        if (run < SMALL_RUNS) smallNanos = Math.min(smallNanos, time(work, small));
        if (run < BIG_RUNS) bigNanos = Math.min(bigNanos, time(work, big));
      }
      double ratio = (double) bigNanos / Math.max(smallNanos, 1);
      ratios.add(String.format("%.1f (%.2f ms -> %.2f ms)", ratio, smallNanos / 1e6, bigNanos / 1e6));
      if (ratio < MAX_RATIO) {
        System.out.printf("linearity: %s: n=%d -> %dn: x%s, round %d%n", shape, size, FACTOR, ratios.get(round), round + 1);
        return;
      }
    }
    fail(shape + ": " + FACTOR + "x the input (n=" + size + ") took over " + MAX_RATIO + "x the time in every round: "
        + ratios);
  }

  private static <T> long time(Consumer<T> work, T input) {
    long start = THREADS.getCurrentThreadCpuTime();
    work.accept(input);
    return THREADS.getCurrentThreadCpuTime() - start;
  }
}
