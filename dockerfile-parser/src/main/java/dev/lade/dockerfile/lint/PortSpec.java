package dev.lade.dockerfile.lint;

import java.util.Arrays;
import java.util.Locale;

/**
 * An {@code EXPOSE} port as written, {@code [ip:][hostPort:]port[/proto]}, split the way
 * BuildKit's {@code splitParts} and {@code splitProtoPort} split it.
 *
 * @param raw the whole word, e.g. {@code 127.0.0.1:80:80/TCP}
 * @param ip the host IP part, empty when absent
 * @param hostPort the host port part, empty when absent
 * @param port the container port (or range), empty when absent
 * @param protocol the protocol as written, empty when absent
 */
record PortSpec(String raw, String ip, String hostPort, String port, String protocol) {

  static PortSpec parse(String raw) {
    String[] parts = raw.split(":", -1);
    int n = parts.length;
    String ip = n >= 3 ? String.join(":", Arrays.copyOf(parts, n - 2)) : "";
    String hostPort = n >= 2 ? parts[n - 2] : "";
    String container = parts[n - 1];
    int slash = container.indexOf('/');
    String port = slash < 0 ? container : container.substring(0, slash);
    String protocol = slash < 0 ? "" : container.substring(slash + 1);
    return new PortSpec(raw, ip, hostPort, port, protocol);
  }

  /**
   * Whether BuildKit gets past splitting the protocol off, the point where it runs its checks: a
   * port is given and the protocol is tcp, udp or sctp in any case, or absent.
   */
  boolean checkable() {
    return !port.isEmpty() && switch (protocol.toLowerCase(Locale.ROOT)) {
      case "", "tcp", "udp", "sctp" -> true;
      default -> false;
    };
  }

  /** Whether an IP address or a host port was given, which EXPOSE should not have. */
  boolean mapsHost() {
    return !ip.isEmpty() || !hostPort.isEmpty();
  }
}
