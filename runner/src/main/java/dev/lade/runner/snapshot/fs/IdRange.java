package dev.lade.runner.snapshot.fs;

/**
 * One line of a user namespace's id map: ids {@code containerId .. containerId+size-1} inside are
 * {@code hostId ..} outside, as in {@code /proc/PID/uid_map}.
 */
public record IdRange(long containerId, long hostId, long size) {
  public IdRange {
    if (containerId < 0 || hostId < 0 || size <= 0) {
      throw new IllegalArgumentException("invalid id range " + containerId + " " + hostId + " " + size);
    }
  }

  boolean containsContainerId(long id) {
    return id >= containerId && id < containerId + size;
  }

  boolean containsHostId(long id) {
    return id >= hostId && id < hostId + size;
  }
}
