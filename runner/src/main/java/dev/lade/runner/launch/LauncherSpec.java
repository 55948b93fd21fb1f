package dev.lade.runner.launch;

import dev.lade.runner.seccomp.SeccompCompiler;
import dev.lade.runner.seccomp.SyscallTable;
import dev.lade.runner.spec.IdMapping;
import dev.lade.runner.spec.LinuxSpec;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.Namespace;
import dev.lade.runner.spec.ProcessSpec;
import dev.lade.runner.spec.Rlimit;
import dev.lade.runner.spec.RuntimeSpec;
import dev.lade.runner.spec.SeccompProfile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spec as the native launcher reads it: NUL-terminated tokens, each key followed by a fixed number of values
 * (see runner/src/main/c/spec.c). Setup steps ({@code mount}, {@code device}, {@code symlink}) run in the order
 * written, so this class decides the order; the launcher needs no JSON parser.
 */
public final class LauncherSpec {

  /** The device nodes a container's /dev gets, bound from the host's. */
  static final List<String> DEVICES = List.of("null", "zero", "full", "random", "urandom", "tty");

  /** The links a container's /dev gets: {target, link}. */
  static final List<List<String>> DEV_LINKS = List.of(
      List.of("/proc/self/fd", "/dev/fd"), List.of("/proc/self/fd/0", "/dev/stdin"),
      List.of("/proc/self/fd/1", "/dev/stdout"), List.of("/proc/self/fd/2", "/dev/stderr"),
      List.of("pts/ptmx", "/dev/ptmx"));

  private static final Map<SeccompProfile, String> ENCODED_FILTERS = new ConcurrentHashMap<>();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private LauncherSpec() {}

  /**
   * Encodes {@code spec} for the launcher.
   *
   * @param errorFile where the launcher writes why setup failed
   * @param cgroupProcs the cgroup.procs files the container joins before it starts
   * @param unifiedCgroups whether the host uses cgroup v2 (then /sys/fs/cgroup is a cgroup2 mount)
   * @param init whether the launcher stays PID 1 and runs the command as its child
   */
  public static byte[] encode(RuntimeSpec spec, Path errorFile, List<Path> cgroupProcs, boolean unifiedCgroups,
      boolean init) {
    LauncherSpec encoder = new LauncherSpec();
    encoder.put("rootfs", spec.rootPath());
    encoder.put("errfile", errorFile.toString());
    encoder.put("hostname", spec.hostname());
    encoder.linux(spec.linux());
    cgroupProcs.forEach(procs -> encoder.put("cgroup", procs.toString()));
    for (Mount mount : spec.mounts()) {
      if (mount.destination().equals("/")) {
        // RuntimeSpec.withRootMount; the launcher makes a missing working directory in it
        encoder.put("rootmount", mount.type(), String.join(",", mount.options()));
      } else {
        encoder.mount(mount, unifiedCgroups);
      }
    }
    if (spec.rootReadonly()) {
      encoder.put("rootreadonly");
    }
    if (init) {
      encoder.put("init");
    }
    encoder.process(spec.process());
    return encoder.out.toByteArray();
  }

  /**
   * The keys that make the launcher record a kept container's start and exit (see supervise.c), to follow
   * {@link #encode}'s.
   *
   * @param files where the launcher records the start and the exit
   * @param detach whether it detaches from lade as the container's supervisor ({@code run -d})
   * @param onExit what the detached supervisor runs after the container exited (empty: nothing)
   */
  public static byte[] supervise(SupervisorFiles files, boolean detach, List<String> onExit) {
    LauncherSpec encoder = new LauncherSpec();
    encoder.put("supervise", files.started().toString(), files.exited().toString());
    if (detach) {
      encoder.put("detach");
    }
    onExit.forEach(arg -> encoder.put("onexit", arg));
    return encoder.out.toByteArray();
  }

  /**
   * The keys of {@code extras}: a terminal (see tty.c), ports published through slirp4netns with its API socket at
   * {@code socket} (see network.c).
   */
  public static byte[] extras(LaunchExtras extras, Path socket) {
    LauncherSpec encoder = new LauncherSpec();
    if (extras.tty()) {
      encoder.put("tty");
    }
    if (!extras.ports().isEmpty()) {
      encoder.put("netsocket", socket.toString());
    }
    for (PublishedPort port : extras.ports()) {
      encoder.put("publish", port.protocol(), port.hostIp(), Integer.toString(port.hostPort()),
          Integer.toString(port.containerPort()));
    }
    return encoder.out.toByteArray();
  }

  /**
   * lade exec's spec (see join.c): run {@code process} in the namespaces of the running container whose main
   * process is {@code pid}, in its cgroup.
   */
  public static byte[] join(long pid, List<Path> cgroupProcs, ProcessSpec process, boolean tty, Path errorFile) {
    LauncherSpec encoder = new LauncherSpec();
    encoder.put("join", Long.toString(pid));
    if (tty) {
      encoder.put("tty");
    }
    encoder.put("errfile", errorFile.toString());
    cgroupProcs.forEach(procs -> encoder.put("cgroup", procs.toString()));
    encoder.process(process);
    return encoder.out.toByteArray();
  }

  private void linux(LinuxSpec linux) {
    for (Namespace namespace : Namespace.values()) {
      if (linux.namespaces().contains(namespace) && namespace != Namespace.USER) {
        put("namespace", namespace.ociName());
      }
    }
    if (linux.namespaces().contains(Namespace.USER)) {
      put("uidmap", idMap(linux.uidMappings()));
      put("gidmap", idMap(linux.gidMappings()));
    }
    linux.seccomp().flatMap(LauncherSpec::seccompFilter).ifPresent(filter -> put("seccomp", filter));
    linux.maskedPaths().forEach(path -> put("masked", path));
    linux.readonlyPaths().forEach(path -> put("readonly", path));
  }

  /**
   * {@code profile} compiled for the host and hex-encoded; compiled once per profile, as every RUN step of a build
   * has the same one (its compilation cost more than the rest of the spec).
   */
  private static Optional<String> seccompFilter(SeccompProfile profile) {
    Optional<SyscallTable> table = SyscallTable.host();
    return table.map(t -> ENCODED_FILTERS.computeIfAbsent(profile,
        p -> HexFormat.of().formatHex(SeccompCompiler.compile(p, t).bytes())));
  }

  private static String idMap(List<IdMapping> mappings) {
    StringBuilder map = new StringBuilder();
    for (IdMapping mapping : mappings) {
      map.append(mapping.containerId()).append(' ').append(mapping.hostId()).append(' ').append(mapping.size())
          .append('\n');
    }
    return map.toString();
  }

  private void mount(Mount mount, boolean unifiedCgroups) {
    String type = mount.type();
    if (type.equals("cgroup")) {
      if (!unifiedCgroups) {
        return; // v1 needs one mount per controller; the container sees sysfs's empty, read-only directory
      }
      type = "cgroup2";
    }
    MountFlags flags = MountFlags.parse(mount.isBind() && !mount.options().contains("rbind")
        && !mount.options().contains("bind") ? append(mount.options(), "rbind") : mount.options());
    put("mount", mount.source(), mount.destination(), flags.isBind() ? "" : type, Long.toString(flags.flags()),
        flags.data());
    if (mount.destination().equals("/dev") && !mount.isBind()) {
      DEVICES.forEach(device -> put("device", "/dev/" + device, "/dev/" + device));
      DEV_LINKS.forEach(link -> put("symlink", link.get(0), link.get(1)));
    }
  }

  private static List<String> append(List<String> options, String option) {
    return java.util.stream.Stream.concat(options.stream(), java.util.stream.Stream.of(option)).toList();
  }

  private void process(ProcessSpec process) {
    put("cwd", process.cwd());
    put("uid", Integer.toString(process.user().uid()));
    put("gid", Integer.toString(process.user().gid()));
    process.user().additionalGids().forEach(gid -> put("group", Integer.toString(gid)));
    process.capabilities().forEach(cap -> put("cap", Integer.toString(CapabilityNumbers.of(cap))));
    for (Rlimit rlimit : process.rlimits()) {
      put("rlimit", rlimit.type(), Long.toUnsignedString(rlimit.soft()), Long.toUnsignedString(rlimit.hard()));
    }
    if (process.noNewPrivileges()) {
      put("nonewprivs");
    }
    process.env().forEach(entry -> put("env", entry));
    process.args().forEach(arg -> put("arg", arg));
  }

  private void put(String key, String... values) {
    token(key);
    for (String value : values) {
      token(value);
    }
  }

  private void token(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("NUL character in container setting: " + value.replace('\0', '?'));
    }
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    out.write(0);
  }
}
