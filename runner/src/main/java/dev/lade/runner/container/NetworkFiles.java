package dev.lade.runner.container;

import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.RuntimeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's {@code /etc/hostname}, {@code /etc/hosts} and {@code /etc/resolv.conf}, as Docker writes them into
 * each container's directory and bind-mounts them over the image's: writable unless the root filesystem is
 * read-only, and left out where the user mounts something of their own.
 *
 * <p>{@code /etc/hosts} is the host's in the host's network; in a private one, Docker's default entries and, in
 * the default network, where Docker's bridge gives the container's address, the container's host name on loopback
 * (lade has no bridge, and programs expect their own host name to resolve). With {@code --network none} Docker
 * writes no entry for the host name (libnetwork's sandbox has no address to give it), and neither does lade.
 */
public final class NetworkFiles {

  /** The host's hosts file. */
  public static final Path HOST_HOSTS = Path.of("/etc/hosts");

  /** What Docker writes before the container's own entry (libnetwork's etchosts). */
  static final String DEFAULT_HOSTS = """
      127.0.0.1\tlocalhost
      ::1\tlocalhost ip6-localhost ip6-loopback
      fe00::0\tip6-localnet
      ff00::0\tip6-mcastprefix
      ff02::1\tip6-allnodes
      ff02::2\tip6-allrouters
      """;

  private NetworkFiles() {}

  /**
   * Writes the files of {@code spec}'s container, in {@code network}, into {@code dir}; returns {@code spec} with
   * them mounted.
   */
  public static RuntimeSpec addTo(RuntimeSpec spec, NetworkMode network, Path dir) throws IOException {
    return addTo(spec, network, dir, HOST_HOSTS, ResolvConf.HOST);
  }

  /** As {@link #addTo(RuntimeSpec, NetworkMode, Path)}, with the host's files at {@code hostHosts}, {@code hostResolvConf}. */
  static RuntimeSpec addTo(RuntimeSpec spec, NetworkMode network, Path dir, Path hostHosts, Path hostResolvConf)
      throws IOException {
    List<Mount> mounts = new ArrayList<>();
    add(mounts, spec, dir.resolve("resolv.conf"), "/etc/resolv.conf",
        ResolvConf.derive(hostResolvConf, network == NetworkMode.HOST));
    add(mounts, spec, dir.resolve("hostname"), "/etc/hostname", spec.hostname() + "\n");
    add(mounts, spec, dir.resolve("hosts"), "/etc/hosts", switch (network) {
      case DEFAULT -> DEFAULT_HOSTS + "127.0.0.1\t" + spec.hostname() + "\n";
      case NONE -> DEFAULT_HOSTS;
      case HOST -> hostsOfTheHost(hostHosts);
    });
    return spec.withExtraMounts(mounts);
  }

  private static void add(List<Mount> mounts, RuntimeSpec spec, Path file, String destination, String content)
      throws IOException {
    if (spec.mounts().stream().anyMatch(mount -> mount.destination().equals(destination))) {
      return; // the user's own, as docker -v HOST:/etc/hosts
    }
    Files.writeString(file, content);
    mounts.add(Mount.bind(file.toString(), destination, spec.rootReadonly()));
  }

  private static String hostsOfTheHost(Path hostHosts) throws IOException {
    return Files.isRegularFile(hostHosts) ? Files.readString(hostHosts) : DEFAULT_HOSTS;
  }
}
