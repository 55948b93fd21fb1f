package dev.lade.runner.launch;

import dev.lade.runner.snapshot.fs.Posix;
import dev.lade.runner.spec.IdMapping;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.Namespace;
import dev.lade.runner.spec.RuntimeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Containers of a user without root: a user namespace maps the container's root to the user, and the mounts an
 * unprivileged namespace cannot make are replaced as runc's rootless spec replaces them.
 *
 * <p>Only the user's own ids are mapped (no newuidmap ranges yet), so the command runs as the container's root.
 */
public final class Rootless {

  private Rootless() {}

  /** {@code spec} as this process can run it: unchanged for root, else {@link #adapt}ed to its ids. */
  public static RuntimeSpec forCurrentUser(RuntimeSpec spec) throws LaunchException {
    long[] ids = Posix.effectiveIds();
    return ids[0] == 0 ? spec : adapt(spec, ids[0], ids[1]);
  }

  /**
   * {@code spec} in a user namespace mapping container root to {@code uid}/{@code gid}.
   *
   * @throws LaunchException when the command's user is not root: nobody else exists in a single-id mapping
   */
  public static RuntimeSpec adapt(RuntimeSpec spec, long uid, long gid) throws LaunchException {
    if (spec.linux().namespaces().contains(Namespace.USER)) {
      return spec;
    }
    var user = spec.process().user();
    if (user.uid() != 0 || user.gid() != 0) {
      throw new LaunchException(LaunchException.SETUP_FAILED, "user " + user.uid() + ":" + user.gid()
          + " does not exist in a rootless container, which maps only root to you (run as root, or without -u)");
    }
    boolean ownNetwork = spec.linux().namespaces().contains(Namespace.NETWORK);
    List<Mount> mounts = new ArrayList<>();
    for (Mount mount : spec.mounts()) {
      switch (mount.type()) {
        // gid 5 (tty) is not mapped: devpts would refuse it.
        case "devpts" -> mounts.add(new Mount(mount.destination(), mount.type(), mount.source(),
            mount.options().stream().filter(option -> !option.equals("gid=5")).toList()));
        // sysfs needs a network namespace of our own; without one the host's is bound read-only.
        case "sysfs" -> mounts.add(ownNetwork ? mount : new Mount(mount.destination(), "bind", "/sys",
            List.of("rbind", "nosuid", "noexec", "nodev", "ro")));
        // No cgroup of its own to show (an unprivileged user gets none here).
        case "cgroup" -> { }
        default -> mounts.add(mount);
      }
    }
    return new RuntimeSpec(spec.process(), spec.rootPath(), spec.rootReadonly(), spec.hostname(), mounts,
        spec.linux().withUserNamespace(List.of(new IdMapping(0, uid, 1)), List.of(new IdMapping(0, gid, 1))));
  }
}
