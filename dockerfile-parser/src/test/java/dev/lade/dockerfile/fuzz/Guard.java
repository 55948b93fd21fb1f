package dev.lade.dockerfile.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one adversarial input on a thread with the JVM's default stack size (what production
 * threads get) under a time limit, and prints what it did: {@code adversarial: SHAPE: RESULT in N ms}.
 * The body catches the typed errors it accepts; any other throwable, errors included, fails the
 * test naming the shape.
 */
final class Guard {
  /** Far above what linear work on these megabyte inputs needs, far below a quadratic blow-up. */
  static final Duration LIMIT = Duration.ofSeconds(10);

  private Guard() {}

  static <T> T run(String shape, Callable<T> body) {
    long start = System.nanoTime();
    T result = assertTimeoutPreemptively(LIMIT, () -> {
      try {
        return body.call();
      } catch (AssertionError e) {
        throw e;
      } catch (Throwable t) {
        throw new AssertionFailedError(shape + ": untyped " + t, t);
      }
    }, () -> shape + ": no result within " + LIMIT.toSeconds() + " s");
    System.out.printf("adversarial: %s: %s in %d ms%n", shape, result, (System.nanoTime() - start) / 1_000_000);
    return result;
  }
}
