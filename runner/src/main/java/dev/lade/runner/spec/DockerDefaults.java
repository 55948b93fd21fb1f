package dev.lade.runner.spec;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The isolation Docker gives a container by default, as values of the runtime spec.
 *
 * <p>From moby's {@code oci/defaults.go} (capabilities, mounts, masked and read-only paths) and containerd's default
 * Unix spec (the {@code RLIMIT_NOFILE} limit); the seccomp profile is {@link DockerSeccomp}'s.
 */
public final class DockerDefaults {

  /** Docker's 14 default capabilities. */
  public static final List<String> CAPABILITIES = List.of(
      "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
      "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL",
      "CAP_AUDIT_WRITE");

  /** Paths that would leak host information or kernel state: made empty. */
  public static final List<String> MASKED_PATHS = List.of(
      "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
      "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap");

  /** Paths that would let a container change the host kernel: made read-only. */
  public static final List<String> READONLY_PATHS = List.of(
      "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  /** The mounts every container gets, in order. */
  public static final List<Mount> MOUNTS = List.of(
      new Mount("/proc", "proc", "proc", List.of("rw", "nosuid", "noexec", "nodev")),
      new Mount("/dev", "tmpfs", "tmpfs", List.of("rw", "nosuid", "strictatime", "mode=755", "size=65536k")),
      new Mount("/dev/pts", "devpts", "devpts",
          List.of("rw", "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
      new Mount("/sys", "sysfs", "sysfs", List.of("ro", "nosuid", "noexec", "nodev")),
      new Mount("/sys/fs/cgroup", "cgroup", "cgroup", List.of("ro", "nosuid", "noexec", "nodev")),
      new Mount("/dev/mqueue", "mqueue", "mqueue", List.of("rw", "nosuid", "noexec", "nodev")),
      new Mount("/dev/shm", "tmpfs", "shm", List.of("rw", "nosuid", "noexec", "nodev", "mode=1777", "size=65536k")));

  /** The {@code PATH} a container gets when its image sets none. */
  public static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /** containerd's open-files limit. */
  public static final Rlimit NOFILE = new Rlimit("RLIMIT_NOFILE", 1024, 1024);

  /** Docker's namespaces plus a private cgroup namespace. */
  public static final EnumSet<Namespace> NAMESPACES = EnumSet.of(
      Namespace.MOUNT, Namespace.NETWORK, Namespace.UTS, Namespace.PID, Namespace.IPC, Namespace.CGROUP);

  private DockerDefaults() {}

  /**
   * A spec running {@code args} as root in {@code /} of {@code rootPath} with Docker's isolation, named
   * {@code id} (its first 12 characters become the host name, its cgroup {@code /lade/ID}).
   */
  public static RuntimeSpec spec(String rootPath, String id, List<String> args) {
    ProcessSpec process = new ProcessSpec(args, List.of("PATH=" + PATH), "/", ProcessUser.ROOT, CAPABILITIES,
        true, List.of(NOFILE));
    LinuxSpec linux = new LinuxSpec(NAMESPACES, List.of(), List.of(), Resources.NONE, cgroupsPath(id),
        MASKED_PATHS, READONLY_PATHS, Optional.of(DockerSeccomp.profile(CAPABILITIES)));
    String hostname = id.length() > 12 ? id.substring(0, 12) : id;
    return new RuntimeSpec(process, rootPath, false, hostname, MOUNTS, linux);
  }

  /** The cgroup path of the container or step named {@code id}, under the cgroup root of each controller. */
  public static String cgroupsPath(String id) {
    return "/lade/" + id;
  }
}
