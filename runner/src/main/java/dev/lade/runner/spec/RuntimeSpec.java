package dev.lade.runner.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A container to run: the subset of the OCI runtime spec (config.json) that lade uses.
 *
 * <p>Start from {@link DockerDefaults#spec} and adjust with the {@code with} methods.
 *
 * @param process what runs
 * @param rootPath the root filesystem on the host
 * @param rootReadonly whether the root filesystem is mounted read-only ({@code --read-only})
 * @param hostname the container's host name in its own UTS namespace
 * @param mounts mounts in the order they are made, over the root filesystem
 * @param linux namespaces, limits and path policies
 */
public record RuntimeSpec(ProcessSpec process, String rootPath, boolean rootReadonly, String hostname,
    List<Mount> mounts, LinuxSpec linux) {

  /** The runtime-spec version lade writes. */
  public static final String OCI_VERSION = "1.0.2";

  public RuntimeSpec {
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(rootPath, "rootPath");
    Objects.requireNonNull(hostname, "hostname");
    mounts = List.copyOf(mounts);
    Objects.requireNonNull(linux, "linux");
  }

  /** The same with another process. */
  public RuntimeSpec withProcess(ProcessSpec newProcess) {
    return new RuntimeSpec(newProcess, rootPath, rootReadonly, hostname, mounts, linux);
  }

  /** The same with another host name. */
  public RuntimeSpec withHostname(String newHostname) {
    return new RuntimeSpec(process, rootPath, rootReadonly, newHostname, mounts, linux);
  }

  /** The same with the root filesystem read-only or not. */
  public RuntimeSpec withRootReadonly(boolean readonly) {
    return new RuntimeSpec(process, rootPath, readonly, hostname, mounts, linux);
  }

  /** The same with another Linux part. */
  public RuntimeSpec withLinux(LinuxSpec newLinux) {
    return new RuntimeSpec(process, rootPath, rootReadonly, hostname, mounts, newLinux);
  }

  /**
   * The same with {@code root} mounted as the root filesystem (on {@link #rootPath()}) before the
   * other mounts, in the container's namespaces: a rootless overlay snapshot, which only a user
   * namespace of its own may mount. Only lade's native launcher takes it (a mount on {@code /},
   * first); a missing working directory is then made inside it.
   */
  public RuntimeSpec withRootMount(Mount root) {
    if (!root.destination().equals("/")) throw new IllegalArgumentException("a root mount goes on /: " + root);
    List<Mount> all = new ArrayList<>(List.of(root));
    all.addAll(mounts);
    return new RuntimeSpec(process, rootPath, rootReadonly, hostname, all, linux);
  }

  /** The same with {@code extra} mounted after the existing mounts. */
  public RuntimeSpec withExtraMounts(List<Mount> extra) {
    List<Mount> all = new ArrayList<>(mounts);
    all.addAll(extra);
    return new RuntimeSpec(process, rootPath, rootReadonly, hostname, all, linux);
  }
}
