package dev.lade.oci.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.reference.Reference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several threads and another JVM write, tag and prune one store at once; it stays consistent. */
class StoreConcurrencyTest {
  private static final int IMAGES = 12;

  @TempDir Path root;

  @Test
  void threadsAndAnotherProcessKeepTheStoreConsistent() throws Exception {
    OciLayoutStore store = OciLayoutStore.open(root);
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            StoreHammer.class.getName(), root.toString(), "child", String.valueOf(IMAGES))
        .redirectErrorStream(true)
        .start();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> jobs = new ArrayList<>();
    for (String name : List.of("alpha", "beta", "gamma")) {
      jobs.add(pool.submit(() -> {
        StoreHammer.hammer(store, name, IMAGES);
        return null;
      }));
    }
    jobs.add(pool.submit(() -> {
      for (int i = 0; i < 5; i++) store.prune(GcRoots.NONE);
      return null;
    }));
    for (Future<?> job : jobs) job.get(60, TimeUnit.SECONDS);
    pool.shutdown();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child finished");
    String childOutput = new String(child.getInputStream().readAllBytes());
    assertEquals(0, child.exitValue(), childOutput);

    FsckReport report = Fsck.check(OciLayoutStore.open(root));
    assertTrue(report.ok(), report.problems().toString());
    for (String name : List.of("alpha", "beta", "gamma", "child")) {
      for (int i = 0; i < IMAGES; i++) assertPresent(store, name + ":" + i);
    }
    assertEquals(4 * IMAGES + 5, store.refs().list().size());
  }

  private static void assertPresent(Store store, String reference) throws IOException {
    assertTrue(store.refs().get(Reference.parse(reference).withDefaultTag()).isPresent(), reference);
  }
}
