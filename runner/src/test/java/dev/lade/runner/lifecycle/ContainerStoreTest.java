package dev.lade.runner.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.runner.spec.ProcessSpec;
import dev.lade.runner.spec.ProcessUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container store's records, names and lookups, without running anything. */
class ContainerStoreTest {
  private static final ProcessSpec PROCESS = new ProcessSpec(List.of("sleep", "60"), List.of("PATH=/bin"), "/",
      new ProcessUser(1000, 1000, List.of(10)), List.of("CAP_KILL"), true, List.of());

  @TempDir Path root;

  @Test
  void recordsRoundTripAndStartCreated() throws Exception {
    ContainerStore store = ContainerStore.open(root);
    Container added = store.add(record("aa", "web"));
    assertEquals("web", added.name());
    assertEquals(ContainerState.Status.CREATED, added.state().status());
    Container found = store.find("web");
    assertEquals(added.record(), found.record());
    assertEquals(PROCESS, found.record().process());
    assertEquals("SIGTERM", found.record().stopSignal());
    assertEquals("sleep 60", found.record().commandLine());
  }

  @Test
  void foundByIdNameOrUniquePrefixAsDocker() throws Exception {
    ContainerStore store = ContainerStore.open(root);
    String first = store.add(record("ab", "one")).id();
    String second = store.add(record("ac", "two")).id();
    assertEquals(first, store.find(first).id());
    assertEquals(second, store.find("/two").id());
    assertEquals(second, store.find("ac").id());
    assertEquals("multiple IDs found with provided prefix: a",
        assertThrows(ContainerException.class, () -> store.find("a")).getMessage());
    assertEquals("No such container: three",
        assertThrows(ContainerException.class, () -> store.find("three")).getMessage());
  }

  @Test
  void namesStayUniqueUnderConcurrentAdds() throws Exception {
    ContainerStore store = ContainerStore.open(root);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Container>> adds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String prefix = String.format("%02x", i);
      adds.add(pool.submit(() -> store.add(record(prefix, "same"))));
    }
    int added = 0;
    for (Future<Container> add : adds) {
      try {
        add.get();
        added++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertTrue(e.getCause().getMessage().startsWith("Conflict. The container name \"/same\" is already in use"));
      }
    }
    pool.shutdown();
    assertEquals(1, added);
    assertEquals(1, store.list().size());
  }

  @Test
  void generatedNamesWhenNoneIsGiven() throws Exception {
    ContainerStore store = ContainerStore.open(root);
    assertTrue(store.add(record("ad", "")).name().matches("[a-z]+_[a-z]+"));
  }

  @Test
  void deleteRemovesTheDirectory() throws Exception {
    ContainerStore store = ContainerStore.open(root);
    Container container = store.add(record("ae", "gone"));
    assertTrue(Files.isDirectory(container.files().dir()));
    store.delete(container.id());
    assertFalse(Files.exists(container.files().dir()));
    assertTrue(store.list().isEmpty());
  }

  @Test
  void stateComesFromTheSupervisorsRecords() throws Exception {
    ContainerStore store = ContainerStore.open(root);
    Container container = store.add(record("af", "done"));
    // A pid that cannot be the container's: the supervisor (pid 1 here) is no parent of this test's process.
    Files.writeString(container.files().started(),
        "{\"Pid\":" + ProcessHandle.current().pid() + ",\"Supervisor\":2147483646,\"StartedAt\":\"2024-01-01T00:00:00Z\"}");
    assertEquals(new ContainerState(ContainerState.Status.EXITED, 0, ContainerState.UNKNOWN_EXIT,
        java.util.Optional.of(java.time.Instant.parse("2024-01-01T00:00:00Z")), java.util.Optional.empty()),
        store.find("done").state());
    Files.writeString(container.files().exited(), "{\"ExitCode\":3,\"FinishedAt\":\"2024-01-01T00:00:05Z\"}");
    ContainerState state = store.find("done").state();
    assertEquals(ContainerState.Status.EXITED, state.status());
    assertEquals(3, state.exitCode());
    assertEquals("2024-01-01T00:00:05Z", state.finishedAt().orElseThrow().toString());
  }

  private static ContainerRecord record(String idPrefix, String name) {
    String id = (idPrefix + "0".repeat(64)).substring(0, 64);
    return new ContainerRecord(id, name, "busybox", "sha256:" + "1".repeat(64), "2024-01-01T00:00:00Z", PROCESS,
        "host", "", false, "", "", List.of(), List.of());
  }
}
