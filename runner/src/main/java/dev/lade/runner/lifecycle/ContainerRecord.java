package dev.lade.runner.lifecycle;

import dev.lade.runner.spec.ProcessSpec;
import java.util.List;
import java.util.Objects;

/**
 * What lade decided about a container when it made it, kept as {@code container.json} in its directory. Its
 * state (running, exit code) is not here: see {@link ContainerState}.
 *
 * @param id the 64-hex id
 * @param name the unique name, without docker's leading slash
 * @param image the image as the user named it
 * @param imageId the image config's digest ({@code sha256:...})
 * @param created when it was made (RFC 3339)
 * @param process its main process: command, env, user, working directory (exec's defaults too)
 * @param hostname its host name
 * @param stopSignal the signal {@code stop} sends first, such as {@code SIGTERM}
 * @param autoRemove whether it is removed when it exits ({@code --rm})
 * @param snapshotId its root filesystem's retained snapshot, or empty before it has one
 * @param rootfs its root filesystem on the host
 * @param cgroupProcs the cgroup.procs files of its cgroup, which exec joins
 * @param ports its published ports, as docker ps shows them ({@code 0.0.0.0:8080->80/tcp})
 */
public record ContainerRecord(String id, String name, String image, String imageId, String created,
    ProcessSpec process, String hostname, String stopSignal, boolean autoRemove, String snapshotId, String rootfs,
    List<String> cgroupProcs, List<String> ports) {

  public ContainerRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(process, "process");
    stopSignal = stopSignal == null || stopSignal.isEmpty() ? "SIGTERM" : stopSignal;
    snapshotId = Objects.requireNonNullElse(snapshotId, "");
    rootfs = Objects.requireNonNullElse(rootfs, "");
    cgroupProcs = cgroupProcs == null ? List.of() : List.copyOf(cgroupProcs);
    ports = ports == null ? List.of() : List.copyOf(ports);
  }

  /** The same with its snapshot. */
  public ContainerRecord withSnapshot(String newSnapshotId, String newRootfs) {
    return new ContainerRecord(id, name, image, imageId, created, process, hostname, stopSignal, autoRemove,
        newSnapshotId, newRootfs, cgroupProcs, ports);
  }

  /** The same with its cgroup. */
  public ContainerRecord withCgroupProcs(List<String> newCgroupProcs) {
    return new ContainerRecord(id, name, image, imageId, created, process, hostname, stopSignal, autoRemove,
        snapshotId, rootfs, newCgroupProcs, ports);
  }

  /** The command line as {@code docker ps} shows it: arguments joined by spaces. */
  public String commandLine() {
    return String.join(" ", process.args());
  }
}
