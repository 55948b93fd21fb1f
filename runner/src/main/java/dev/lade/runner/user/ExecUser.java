package dev.lade.runner.user;

import dev.lade.runner.spec.ProcessUser;
import java.util.List;

/**
 * A USER resolved against an image's /etc/passwd and /etc/group.
 *
 * @param uid the user id
 * @param gid the primary group id
 * @param supplementaryGids the groups whose member list names the user (only when no group was given)
 * @param home the user's home directory, {@code /} when unknown
 */
public record ExecUser(int uid, int gid, List<Integer> supplementaryGids, String home) {

  public ExecUser {
    supplementaryGids = List.copyOf(supplementaryGids);
  }

  /** The ids for the runtime spec. */
  public ProcessUser toProcessUser() {
    return new ProcessUser(uid, gid, supplementaryGids);
  }
}
