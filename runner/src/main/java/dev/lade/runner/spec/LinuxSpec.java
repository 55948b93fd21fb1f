package dev.lade.runner.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Linux part of a runtime spec, as in config.json's {@code linux}.
 *
 * @param namespaces the namespaces the container gets its own of
 * @param uidMappings user id ranges of the user namespace (empty without one)
 * @param gidMappings group id ranges of the user namespace (empty without one)
 * @param resources cgroup limits
 * @param cgroupsPath the container's cgroup relative to each hierarchy's root, e.g. {@code /lade/ID}
 * @param maskedPaths paths made empty and unreadable (a file gets /dev/null, a directory an empty read-only tmpfs)
 * @param readonlyPaths paths made read-only
 * @param seccomp the syscall filter, or empty for none ({@code --security-opt seccomp=unconfined})
 */
public record LinuxSpec(Set<Namespace> namespaces, List<IdMapping> uidMappings, List<IdMapping> gidMappings,
    Resources resources, String cgroupsPath, List<String> maskedPaths, List<String> readonlyPaths,
    Optional<SeccompProfile> seccomp) {

  public LinuxSpec {
    namespaces = Set.copyOf(namespaces);
    uidMappings = List.copyOf(uidMappings);
    gidMappings = List.copyOf(gidMappings);
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(cgroupsPath, "cgroupsPath");
    maskedPaths = List.copyOf(maskedPaths);
    readonlyPaths = List.copyOf(readonlyPaths);
    Objects.requireNonNull(seccomp, "seccomp");
    if (namespaces.contains(Namespace.USER) && (uidMappings.isEmpty() || gidMappings.isEmpty())) {
      throw new IllegalArgumentException("a user namespace needs uid and gid mappings");
    }
  }

  /** The same with other namespaces. */
  public LinuxSpec withNamespaces(Set<Namespace> newNamespaces) {
    return new LinuxSpec(newNamespaces, uidMappings, gidMappings, resources, cgroupsPath, maskedPaths,
        readonlyPaths, seccomp);
  }

  /** The same with other limits. */
  public LinuxSpec withResources(Resources newResources) {
    return new LinuxSpec(namespaces, uidMappings, gidMappings, newResources, cgroupsPath, maskedPaths,
        readonlyPaths, seccomp);
  }

  /** The same in another cgroup. */
  public LinuxSpec withCgroupsPath(String newPath) {
    return new LinuxSpec(namespaces, uidMappings, gidMappings, resources, newPath, maskedPaths, readonlyPaths,
        seccomp);
  }

  /** The same in a user namespace with these mappings. */
  public LinuxSpec withUserNamespace(List<IdMapping> uids, List<IdMapping> gids) {
    Set<Namespace> withUser = new java.util.HashSet<>(namespaces);
    withUser.add(Namespace.USER);
    return new LinuxSpec(withUser, uids, gids, resources, cgroupsPath, maskedPaths, readonlyPaths, seccomp);
  }

  /** The same with another syscall filter, or none. */
  public LinuxSpec withSeccomp(Optional<SeccompProfile> newSeccomp) {
    return new LinuxSpec(namespaces, uidMappings, gidMappings, resources, cgroupsPath, maskedPaths, readonlyPaths,
        newSeccomp);
  }
}
