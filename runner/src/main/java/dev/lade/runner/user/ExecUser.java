package dev.lade.runner.user;

import dev.lade.runner.spec.ProcessUser;
import java.util.ArrayList;
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

  /** The ids for the runtime spec, as the OCI runtime's own lookup (runc, BuildKit's RUN) leaves them. */
  public ProcessUser toProcessUser() {
    return new ProcessUser(uid, gid, supplementaryGids);
  }

  /**
   * The ids as {@code docker run} and {@code docker exec} set them: the primary group is a supplementary group too
   * (Docker 20.10.18 on, for CVE-2022-36109: dropping the primary group must not lift a "deny this group"
   * permission), ahead of the others and not twice.
   */
  public ProcessUser toDockerProcessUser() {
    List<Integer> groups = new ArrayList<>(List.of(gid));
    supplementaryGids.stream().filter(group -> group != gid).forEach(groups::add);
    return new ProcessUser(uid, gid, groups);
  }
}
