package dev.lade.buildkit.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StageSchedulerTest {
  private static final String THREE_STAGES = """
      FROM scratch AS a
      FROM scratch AS b
      FROM scratch
      COPY --from=a /x /x
      COPY --from=b /y /y
      """;

  @Test
  void independentStagesRunAtTheSameTime() throws Exception {
    StageGraph g = StageGraphTest.graph(THREE_STAGES, null);
    CountDownLatch bothStarted = new CountDownLatch(2);
    Map<Integer, String> results = StageScheduler.run(g, (node, deps) -> {
      if (node.index() < 2) {
        bothStarted.countDown();
        // Each of a and b waits for the other: only succeeds when they overlap.
        assertTrue(bothStarted.await(5, TimeUnit.SECONDS), "stages did not overlap");
        return node.displayName();
      }
      return deps.get(0) + "+" + deps.get(1);
    });
    assertEquals("a+b", results.get(2));
  }

  @Test
  void aFailureIsThrownAsIs() {
    StageGraph g = StageGraphTest.graph(THREE_STAGES, null);
    IllegalStateException boom = new IllegalStateException("boom");
    List<Integer> built = new java.util.concurrent.CopyOnWriteArrayList<>();
    var thrown = assertThrows(IllegalStateException.class, () -> StageScheduler.run(g, (node, deps) -> {
      if (node.index() == 1) throw boom;
      built.add(node.index());
      return "";
    }));
    assertSame(boom, thrown);
    assertTrue(!built.contains(2), "a stage whose dependency failed was built");
  }
}
