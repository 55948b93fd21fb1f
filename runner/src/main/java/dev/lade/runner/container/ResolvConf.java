package dev.lade.runner.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /etc/resolv.conf} a container or RUN step gets, as Docker and BuildKit derive it from the host's: the
 * host's as is in the host's network; else without loopback name servers (unreachable from another network
 * namespace), falling back to Docker's public defaults when none is left.
 */
public final class ResolvConf {

  /** The host's file. */
  public static final Path HOST = Path.of("/etc/resolv.conf");

  private static final List<String> DEFAULT_NAMESERVERS = List.of("nameserver 8.8.8.8", "nameserver 8.8.4.4");

  private ResolvConf() {}

  /** The content for a process in the host's network or not, from the host's {@code file} (absent: empty). */
  public static String derive(Path file, boolean hostNetwork) throws IOException {
    List<String> host = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    return derive(host, hostNetwork);
  }

  /** The content for a process in the host's network or not, from the host's lines. */
  public static String derive(List<String> host, boolean hostNetwork) {
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
}
