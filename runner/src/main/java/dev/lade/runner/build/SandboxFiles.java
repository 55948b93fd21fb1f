package dev.lade.runner.build;

import dev.lade.runner.spec.Mount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /etc/hosts} and {@code /etc/resolv.conf} a RUN step sees, as BuildKit's executor
 * writes them: the sandbox's host name on loopback, and the host's name servers (without loopback
 * ones unless the step shares the host's network, falling back to Docker's public defaults).
 */
final class SandboxFiles {
  static final String HOSTNAME = "buildkitsandbox";
  static final String HOSTS = "127.0.0.1\tlocalhost " + HOSTNAME + "\n::1\tlocalhost ip6-localhost ip6-loopback\n";
  private static final List<String> DEFAULT_NAMESERVERS = List.of("nameserver 8.8.8.8", "nameserver 8.8.4.4");

  private SandboxFiles() {}

  /** Writes both files into {@code dir}; returns their read-only bind mounts. */
  static List<Mount> write(Path dir, boolean hostNetwork, Path hostResolvConf) throws IOException {
    Path hosts = Files.writeString(dir.resolve("hosts"), HOSTS);
    Path resolv = Files.writeString(dir.resolve("resolv.conf"), resolvConf(read(hostResolvConf), hostNetwork));
    return List.of(Mount.bind(hosts.toString(), "/etc/hosts", true),
        Mount.bind(resolv.toString(), "/etc/resolv.conf", true));
  }

  static String resolvConf(List<String> host, boolean hostNetwork) {
    if (hostNetwork) return host.isEmpty() ? "" : String.join("\n", host) + "\n";
    List<String> kept = new ArrayList<>();
    boolean nameserver = false;
    for (String line : host) {
      String trimmed = line.strip();
      if (trimmed.startsWith("nameserver")) {
        String address = trimmed.substring("nameserver".length()).strip();
        if (address.startsWith("127.") || address.equals("::1")) continue;
        nameserver = true;
      }
      kept.add(line);
    }
    if (!nameserver) kept.addAll(DEFAULT_NAMESERVERS);
    return String.join("\n", kept) + "\n";
  }

  private static List<String> read(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }
}
