package dev.lade.runner.container;

import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.Resources;
import java.util.List;
import java.util.Optional;

/**
 * What {@code lade run} was asked beyond the image, in Docker's terms.
 *
 * @param env {@code KEY=value} entries, overriding the image's
 * @param workdir the working directory, or empty for the image's
 * @param user the user ({@code name}, {@code uid}, {@code user:group}), or empty for the image's
 * @param entrypoint the entrypoint replacing the image's (empty string: none), or empty to keep it
 * @param command the arguments after the image, replacing the image's Cmd when given
 * @param mounts bind mounts and tmpfs mounts
 * @param readOnly whether the root filesystem is read-only
 * @param resources cgroup limits
 * @param network the network mode
 * @param hostname the host name, or empty for the container id's first 12 characters
 */
public record RunOptions(List<String> env, Optional<String> workdir, Optional<String> user,
    Optional<String> entrypoint, List<String> command, List<Mount> mounts, boolean readOnly, Resources resources,
    NetworkMode network, Optional<String> hostname) {

  public RunOptions {
    env = List.copyOf(env);
    command = List.copyOf(command);
    mounts = List.copyOf(mounts);
  }

  /** No options: the image's defaults. */
  public static RunOptions defaults() {
    return new RunOptions(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
        false, Resources.NONE, NetworkMode.DEFAULT, Optional.empty());
  }
}
