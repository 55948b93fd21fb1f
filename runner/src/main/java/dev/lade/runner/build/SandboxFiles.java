package dev.lade.runner.build;

import dev.lade.runner.container.ResolvConf;
import dev.lade.runner.spec.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code /etc/hosts} and {@code /etc/resolv.conf} a RUN step sees, as BuildKit's executor
 * writes them: the sandbox's host name on loopback, and the host's name servers (without loopback
 * ones unless the step shares the host's network, falling back to Docker's public defaults).
 */
final class SandboxFiles {
  static final String HOSTNAME = "buildkitsandbox";
  static final String HOSTS = "127.0.0.1\tlocalhost " + HOSTNAME + "\n::1\tlocalhost ip6-localhost ip6-loopback\n";

  private SandboxFiles() {}

  /** Writes both files into {@code dir}; returns their read-only bind mounts. */
  static List<Mount> write(Path dir, boolean hostNetwork, Path hostResolvConf) throws IOException {
    Path hosts = Files.writeString(dir.resolve("hosts"), HOSTS);
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), ResolvConf.derive(hostResolvConf, hostNetwork));
    return List.of(Mount.bind(hosts.toString(), "/etc/hosts", true),
        Mount.bind(resolv.toString(), "/etc/resolv.conf", true));
  }
}
