package dev.lade.runner.lifecycle;

import dev.lade.runner.launch.SupervisorFiles;

/**
 * A container as found in the store: what was decided, and its state when read.
 *
 * @param record what lade decided when it made it
 * @param state its state when read
 * @param files its directory's files
 */
public record Container(ContainerRecord record, ContainerState state, SupervisorFiles files) {

  /** The full id. */
  public String id() {
    return record.id();
  }

  /** The name. */
  public String name() {
    return record.name();
  }
}
