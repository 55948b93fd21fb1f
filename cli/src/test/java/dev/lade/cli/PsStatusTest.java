package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.runner.lifecycle.ContainerState;
import dev.lade.runner.lifecycle.ContainerState.Status;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** docker ps's STATUS column, as moby's State.String() words it. */
class PsStatusTest {
  private static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");

  @Test
  void runningExitedAndCreated() {
    assertEquals("Up 5 seconds", PsCommand.status(state(Status.RUNNING, 0, NOW.minusSeconds(5), null), NOW));
    assertEquals("Up About an hour", PsCommand.status(state(Status.RUNNING, 0, NOW.minusSeconds(3600), null), NOW));
    assertEquals("Exited (137) 3 minutes ago",
        PsCommand.status(state(Status.EXITED, 137, NOW.minusSeconds(600), NOW.minusSeconds(180)), NOW));
    assertEquals("Up Less than a second", PsCommand.status(state(Status.RUNNING, 0, NOW, null), NOW));
    assertEquals("Created", PsCommand.status(state(Status.CREATED, 0, null, null), NOW));
  }

  private static ContainerState state(Status status, int code, Instant started, Instant finished) {
    return new ContainerState(status, status == Status.RUNNING ? 42 : 0, code, Optional.ofNullable(started),
        Optional.ofNullable(finished));
  }
}
