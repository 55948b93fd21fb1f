package dev.lade.runner.spec;

/**
 * A range of user or group ids mapped into a user namespace, as in config.json's {@code linux.uidMappings}.
 *
 * @param containerId first id inside the container
 * @param hostId first id on the host
 * @param size how many ids
 */
public record IdMapping(long containerId, long hostId, long size) {

  public IdMapping {
    if (containerId < 0 || hostId < 0 || size < 1) {
      throw new IllegalArgumentException("bad id mapping " + containerId + " " + hostId + " " + size);
    }
  }
}
