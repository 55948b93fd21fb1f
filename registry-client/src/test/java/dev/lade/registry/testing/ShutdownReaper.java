package dev.lade.registry.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes fixtures still open when the JVM exits (a test run aborted, a forgotten close), so that no
 * registry process outlives the test run.
 */
final class ShutdownReaper {

  private static final Set<AutoCloseable> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ShutdownReaper::closeAll, "lade-test-reaper"));
  }

  private ShutdownReaper() {}

  static void register(AutoCloseable fixture) {
    OPEN.add(fixture);
  }

  static void unregister(AutoCloseable fixture) {
    OPEN.remove(fixture);
  }

  private static void closeAll() {
    for (AutoCloseable fixture : List.copyOf(OPEN)) {
      try {
        fixture.close();
      } catch (Exception e) {
        System.err.println("lade test reaper: cannot close " + fixture + ": " + e);
      }
    }
  }
}
