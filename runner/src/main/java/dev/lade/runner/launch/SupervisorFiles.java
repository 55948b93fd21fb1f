package dev.lade.runner.launch;

import java.nio.file.Path;

/**
 * The files of a detached container in its directory: the launcher's spec and error report, the records its
 * supervisor writes when the container started and when it exited, and its log.
 *
 * @param dir the container's directory
 */
public record SupervisorFiles(Path dir) {

  /** The launcher's spec. */
  public Path spec() {
    return dir.resolve("launch.spec");
  }

  /** Why the launch failed, when it did. */
  public Path error() {
    return dir.resolve("launch.error");
  }

  /** {@code {"Pid":N,"StartedAt":"RFC 3339"}}, written once the command runs. */
  public Path started() {
    return dir.resolve("started.json");
  }

  /** {@code {"ExitCode":N,"FinishedAt":"RFC 3339"}}, written when the container exited. */
  public Path exited() {
    return dir.resolve("exited.json");
  }

  /** The container's standard output and error, as written. */
  public Path log() {
    return dir.resolve("container.log");
  }
}
