package dev.lade.cli;

import dev.lade.runner.container.ByteSize;
import dev.lade.runner.container.InvalidContainerException;
import dev.lade.runner.container.MountOption;
import dev.lade.runner.container.NetworkMode;
import dev.lade.runner.container.RunOptions;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.Resources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code lade run}'s container flags, spelled as docker run's. */
final class RunOptionsMixin {
  /** Docker's smallest memory limit. */
  private static final long MIN_MEMORY = 6L << 20;

  @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE",
      description = "Set an environment variable (KEY alone: take it from lade's environment).")
  List<String> env = new ArrayList<>();

  @Option(names = "--env-file", paramLabel = "FILE", description = "Read environment variables from a file.")
  List<Path> envFiles = new ArrayList<>();

  @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container.")
  String workdir;

  @Option(names = {"-u", "--user"}, paramLabel = "USER[:GROUP]", description = "User name or uid, and group.")
  String user;

  @Option(names = {"-v", "--volume"}, paramLabel = "HOST:CONTAINER[:ro]", description = "Bind mount a host path.")
  List<String> volumes = new ArrayList<>();

  @Option(names = "--tmpfs", paramLabel = "PATH[:OPTIONS]", description = "Mount a tmpfs.")
  List<String> tmpfs = new ArrayList<>();

  @Option(names = "--read-only", description = "Mount the root filesystem read-only.")
  boolean readOnly;

  @Option(names = {"-m", "--memory"}, paramLabel = "BYTES", description = "Memory limit (e.g. 64m, 1g).")
  String memory;

  @Option(names = "--cpus", paramLabel = "CPUS", description = "Number of CPUs (e.g. 1.5).")
  Double cpus;

  @Option(names = {"-c", "--cpu-shares"}, paramLabel = "SHARES", description = "CPU shares (relative weight).")
  Long cpuShares;

  @Option(names = "--pids-limit", paramLabel = "N", description = "Most processes at once (0 or -1: unlimited).")
  Long pidsLimit;

  @Option(names = "--network", paramLabel = "MODE", defaultValue = "default",
      description = "default (a private network with loopback only; the host name resolves to it), none (the"
          + " same without the host name in /etc/hosts, as docker's) or host.")
  String network;

  @Option(names = {"-h", "--hostname"}, paramLabel = "NAME", description = "The container's host name.")
  String hostname;

  @Option(names = "--entrypoint", paramLabel = "COMMAND", description = "Replace the image's entrypoint.")
  String entrypoint;

  RunOptions toRunOptions(List<String> command) throws InvalidContainerException, IOException {
    List<Mount> mounts = new ArrayList<>();
    for (String volume : volumes) {
      mounts.add(MountOption.volume(volume));
    }
    for (String spec : tmpfs) {
      mounts.add(MountOption.tmpfs(spec));
    }
    return new RunOptions(environment(), Optional.ofNullable(workdir), Optional.ofNullable(user),
        Optional.ofNullable(entrypoint), command, mounts, readOnly, resources(), NetworkMode.parse(network),
        Optional.ofNullable(hostname));
  }

  private Resources resources() throws InvalidContainerException {
    Resources resources = Resources.NONE;
    if (memory != null) {
      long bytes = ByteSize.parse(memory);
      if (bytes < MIN_MEMORY) {
        throw new InvalidContainerException("minimum memory limit allowed is 6MB");
      }
      resources = resources.withMemory(bytes);
    }
    if (cpus != null) {
      int available = Runtime.getRuntime().availableProcessors();
      if (cpus < 0.01 || cpus > available) {
        throw new InvalidContainerException(String.format(
            "range of CPUs is from 0.01 to %d.00, as there are only %d CPUs available", available, available));
      }
      resources = resources.withCpus(cpus);
    }
    if (cpuShares != null) {
      if (cpuShares < 0) {
        throw new InvalidContainerException("invalid CPU shares: " + cpuShares);
      }
      resources = resources.withCpuShares(cpuShares);
    }
    if (pidsLimit != null) {
      resources = resources.withPidsLimit(pidsLimit);
    }
    return resources;
  }

  /** --env-file entries first, then -e, as docker; a bare KEY takes lade's own value or is dropped. */
  private List<String> environment() throws IOException {
    List<String> entries = new ArrayList<>();
    for (Path file : envFiles) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String trimmed = line.stripLeading();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          entries.add(trimmed);
        }
      }
    }
    entries.addAll(env);
    return resolved(entries);
  }

  /** {@code entries} with each bare KEY given lade's own value, or dropped when lade has none, as docker. */
  static List<String> resolved(List<String> entries) {
    List<String> resolved = new ArrayList<>();
    for (String entry : entries) {
      if (entry.indexOf('=') > 0) {
        resolved.add(entry);
      } else if (System.getenv(entry) != null) {
        resolved.add(entry + "=" + System.getenv(entry));
      }
    }
    return resolved;
  }
}
