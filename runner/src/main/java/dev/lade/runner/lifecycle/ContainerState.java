package dev.lade.runner.lifecycle;

import dev.lade.oci.json.FieldReader;
import dev.lade.oci.json.JsonReader;
import dev.lade.runner.launch.SupervisorFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * A container's state, read from what its supervisor recorded and whether its process lives.
 *
 * @param status created, running or exited
 * @param pid the host pid of its main process while running, else 0
 * @param exitCode its exit code once exited
 * @param startedAt when its command started
 * @param finishedAt when it exited
 */
public record ContainerState(Status status, long pid, int exitCode, Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  /** docker's container statuses that lade has. */
  public enum Status {
    CREATED, RUNNING, EXITED;

    /** As docker inspect spells it. */
    public String dockerName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The exit code lade records when a container's supervisor vanished without recording one. */
  public static final int UNKNOWN_EXIT = 255;

  /** Whether it runs. */
  public boolean running() {
    return status == Status.RUNNING;
  }

  /** The state of the container whose supervisor writes {@code files}. */
  public static ContainerState read(SupervisorFiles files) throws IOException {
    FieldReader started = readJson(files.started());
    if (started == null) {
      return new ContainerState(Status.CREATED, 0, 0, Optional.empty(), Optional.empty());
    }
    Optional<Instant> startedAt = Optional.of(Instant.parse(started.string("StartedAt")));
    FieldReader exited = readJson(files.exited());
    if (exited != null) {
      return new ContainerState(Status.EXITED, 0, (int) exited.integer("ExitCode"), startedAt,
          Optional.of(Instant.parse(exited.string("FinishedAt"))));
    }
    long pid = started.integer("Pid");
    long supervisor = started.integer("Supervisor");
    // Until the supervisor wrote the exit (it reaps first), the container counts as running.
    if (isChildOf(pid, supervisor) || isAlive(supervisor)) {
      return new ContainerState(Status.RUNNING, pid, 0, startedAt, Optional.empty());
    }
    return new ContainerState(Status.EXITED, 0, UNKNOWN_EXIT, startedAt, Optional.empty());
  }

  /** The record the supervisor wrote whole (see supervise.c), or null before it did. */
  private static FieldReader readJson(Path file) throws IOException {
    try {
      return FieldReader.of(JsonReader.parse(Files.readAllBytes(file)));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static boolean isAlive(long pid) {
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Whether {@code pid} lives and {@code parent} is its parent: not a reused pid. */
  private static boolean isChildOf(long pid, long parent) {
    return pid > 0 && ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .flatMap(ProcessHandle::parent)
        .map(p -> p.pid() == parent)
        .orElse(false);
  }
}
