package dev.lade.runner.spec;

import java.util.List;

/**
 * The ids a container process runs as, as in config.json's {@code process.user}.
 *
 * @param uid the user id
 * @param gid the primary group id
 * @param additionalGids the supplementary groups
 */
public record ProcessUser(int uid, int gid, List<Integer> additionalGids) {

  /** The superuser with no supplementary groups. */
  public static final ProcessUser ROOT = new ProcessUser(0, 0, List.of());

  public ProcessUser {
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException("negative id: " + uid + ":" + gid);
    }
    additionalGids = List.copyOf(additionalGids);
  }
}
