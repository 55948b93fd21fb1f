package dev.lade.runner.launch;

import dev.lade.runner.cgroup.CgroupException;
import dev.lade.runner.cgroup.Cgroups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a killed lade leaves of its native containers: state directories whose launcher is gone, and their cgroups.
 *
 * <p>The kernel ends the container itself (the launcher dies with lade, the container's init with the launcher,
 * the rest with their PID namespace); its cgroup and state directory stay until the next lade finds them here.
 * A kept container's directory records its creating lade the same way until it started ({@link
 * dev.lade.runner.lifecycle.Containers}).
 */
public final class StaleContainers {

  /** The launcher that stands for the container: "PID START-MILLIS", so a reused pid is not mistaken for it. */
  public static final String OWNER_FILE = "owner";
  /** The container's cgroup path, relative to the hierarchies' roots. */
  static final String CGROUP_FILE = "cgroup";
  /** A state directory without an owner this old is a start that died half-way. */
  private static final Duration STARTING = Duration.ofMinutes(1);

  private StaleContainers() {}

  /** Records {@code launcher} as the owner of the container in {@code state}. */
  public static void recordOwner(Path state, ProcessHandle launcher) throws IOException {
    Files.writeString(state.resolve(OWNER_FILE), launcher.pid() + " " + startMillis(launcher));
  }

  /** What a runtime removes of a dead container, given its state directory. */
  @FunctionalInterface
  interface Removal {
    void remove(Path state) throws IOException, InterruptedException;
  }

  /** Removes the cgroups and state directories of dead containers under {@code stateDir}; returns their ids. */
  static List<String> cleanUp(Path stateDir, Path cgroupRoot) {
    return cleanUp(stateDir, state -> remove(state, cgroupRoot));
  }

  /**
   * Applies {@code removal} to the state directories of dead containers under {@code stateDir}; returns their ids.
   * A name starting with a dot is no container's (ids never do): a runtime's own state.
   */
  static List<String> cleanUp(Path stateDir, Removal removal) {
    List<String> removed = new ArrayList<>();
    if (!Files.isDirectory(stateDir)) {
      return removed;
    }
    try (Stream<Path> states = Files.list(stateDir)) {
      for (Path state : states.filter(dir -> !dir.getFileName().toString().startsWith(".")).toList()) {
        if (Files.isDirectory(state) && isStale(state)) {
          removal.remove(state);
          removed.add(state.getFileName().toString());
        }
      }
    } catch (IOException e) {
      System.err.println("lade: warning: cannot look for stale containers in " + stateDir + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return removed;
  }

  /** Whether the owner recorded in {@code state} is gone (or never came, a minute on). */
  public static boolean isStale(Path state) throws IOException {
    String owner = StateDirectory.readIfPresent(state.resolve(OWNER_FILE));
    if (owner == null) {
      return Files.getLastModifiedTime(state).toInstant().isBefore(Instant.now().minus(STARTING));
    }
    String[] fields = owner.split(" ");
    Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(fields[0]));
    return process.isEmpty() || isZombie(process.get().pid())
        || !Long.toString(startMillis(process.get())).equals(fields[1]);
  }

  /** A launcher killed with lade may wait a moment to be reaped; it is as dead as it gets. */
  private static boolean isZombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void remove(Path state, Path cgroupRoot) {
    String cgroup = StateDirectory.readIfPresent(state.resolve(CGROUP_FILE));
    try {
      if (cgroup != null) {
        Cgroups.existing(cgroupRoot, cgroup).remove();
      }
      StateDirectory.delete(state);
    } catch (CgroupException | RuntimeException e) {
      System.err.println("lade: warning: cannot remove the stale container " + state.getFileName() + ": "
          + e.getMessage());
    }
  }

  private static long startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
  }
}
