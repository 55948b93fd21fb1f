package dev.lade.dockerfile.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Runs fuzz cases, each determined by a seed, on one worker thread with the JVM's default stack
 * size (what production threads get) under a watchdog: a case that runs past its limit fails the
 * run as a hang. Any throwable a case lets escape, errors included, is a failure reported with the
 * case's seed and input.
 */
final class FuzzRun {
  /** Base seed of every run, fixed so runs are deterministic; {@code -Dlade.fuzz.seed} overrides it. */
  static final long BASE_SEED = Long.getLong("lade.fuzz.seed", 0x1ade_f022L);
  private static final int SCALE = Integer.getInteger("lade.fuzz.scale", 1);
  private static final int MAX_REPORTED = 5;

  /** One case: returns an outcome label to tally; throws to fail. */
  interface Body {
    String run(long seed) throws Throwable;
  }

  private final String name;
  private final Duration perCase;
  private final LongFunction<String> describe;
  private final TreeMap<String, Integer> tally = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private int failed;
  private volatile long currentSeed;
  private volatile long caseStarted;

  /**
   * @param name what is fuzzed, for the summary line
   * @param perCase how long one case may run before it counts as a hang
   * @param describe the input of a case, for failure messages
   */
  FuzzRun(String name, Duration perCase, LongFunction<String> describe) {
    this.name = name;
    this.perCase = perCase;
    this.describe = describe;
  }

  /**
   * Runs {@code iterations} cases (times {@code -Dlade.fuzz.scale}), or only the case named by
   * {@code -Dlade.fuzz.case=SEED}, prints a summary line and fails if any case failed.
   */
  void run(long streamSeed, int iterations, Body body) {
    long[] seeds = seeds(streamSeed, iterations * SCALE);
    Thread worker = new Thread(null, () -> runAll(seeds, body), "fuzz-" + name, 0);
    worker.setDaemon(true); // a hung case cannot be stopped; it must not keep the JVM alive
    long start = System.nanoTime();
    caseStarted = start;
    worker.start();
    watch(worker);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("fuzz: %d %s, %d untyped errors or hangs, %d ms; outcomes %s; base seed %d%n",
        seeds.length, name, failed, millis, tally, BASE_SEED);
    if (failed > 0) {
      fail(failed + " of " + seeds.length + " " + name + " failed (rerun one with -Dlade.fuzz.case=SEED):\n"
          + String.join("\n", failures));
    }
  }

  private static long[] seeds(long streamSeed, int count) {
    String only = System.getProperty("lade.fuzz.case");
    if (only != null) return new long[] {Long.parseLong(only)};
    // mixed before counting, so that another base seed gives other cases, not the same ones reordered
    long start = mix(mix(BASE_SEED) ^ streamSeed);
    long[] seeds = new long[count];
    for (int i = 0; i < count; i++) seeds[i] = mix(start + i);
    return seeds;
  }

  /** SplitMix64's finaliser: neighbouring integers give unrelated seeds. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private void runAll(long[] seeds, Body body) {
    for (long seed : seeds) {
      currentSeed = seed;
      caseStarted = System.nanoTime();
      try {
        String outcome = body.run(seed);
        synchronized (this) {
          tally.merge(outcome, 1, Integer::sum);
        }
      } catch (Throwable t) {
        record(seed, t.toString());
      }
    }
  }

  private void watch(Thread worker) {
    try {
      while (worker.isAlive()) {
        worker.join(50);
        if (worker.isAlive() && System.nanoTime() - caseStarted > perCase.toNanos()) {
          long seed = currentSeed;
          record(seed, "hangs: still running after " + perCase.toMillis() + " ms");
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }

  private synchronized void record(long seed, String problem) {
    failed++;
    if (failures.size() < MAX_REPORTED) {
      failures.add("  case " + seed + ": " + problem + "\n    input " + describe.apply(seed));
    }
  }
}
