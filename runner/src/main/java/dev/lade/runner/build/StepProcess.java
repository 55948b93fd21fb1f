package dev.lade.runner.build;

import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.spec.Mount;
import java.util.List;
import java.util.Objects;

/**
 * A RUN step's process, in the runner's terms.
 *
 * @param chain the parent's layers, bottom first: the snapshot the process runs on
 * @param args the command, shell form already prefixed with the stage's SHELL
 * @param env the environment (ENV, build arguments); {@code PATH} and {@code HOME} are added when
 *     absent, as BuildKit adds them
 * @param user USER as written ({@code name}, {@code uid}, {@code user:group}); empty for root
 * @param workdir the working directory, absolute; created when missing
 * @param mounts the step's own mounts (binds of host paths, tmpfs), made after the standard ones
 * @param hostNetwork whether the process shares the host's network namespace; otherwise it gets a
 *     private one with loopback only
 */
public record StepProcess(
    List<SnapshotLayer> chain, List<String> args, List<String> env, String user, String workdir,
    List<Mount> mounts, boolean hostNetwork) {
  public StepProcess {
    chain = List.copyOf(chain);
    args = List.copyOf(args);
    env = List.copyOf(env);
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(workdir, "workdir");
    mounts = List.copyOf(mounts);
    if (args.isEmpty()) throw new IllegalArgumentException("a RUN step needs a command");
    if (!workdir.startsWith("/")) throw new IllegalArgumentException("the working directory must be absolute: " + workdir);
  }
}
