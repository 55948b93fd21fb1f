package dev.lade.buildkit.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * EXPOSE's port specs ({@code [ip:][hostPort:]port[-end][/proto]}) as the {@code port/proto} keys
 * of {@code ExposedPorts}, as BuildKit's {@code parsePortSpecs}: the protocol defaults to {@code
 * tcp}, ranges are expanded.
 */
final class PortSpecs {
  private PortSpecs() {}

  /** @throws IllegalArgumentException with BuildKit's message for a malformed spec */
  static List<String> parse(List<String> specs) {
    List<String> out = new ArrayList<>();
    for (String spec : specs) out.addAll(parseOne(spec));
    return out;
  }

  private static List<String> parseOne(String raw) {
    String[] parts = raw.split(":", -1);
    String container = parts[parts.length - 1];
    String hostPort = parts.length >= 2 ? parts[parts.length - 2] : "";
    int slash = container.indexOf('/');
    String port = slash < 0 ? container : container.substring(0, slash);
    String proto = slash < 0 ? "" : container.substring(slash + 1).toLowerCase(Locale.ROOT);
    if (port.isEmpty()) throw new IllegalArgumentException("no port specified: " + container + "<empty>");
    if (proto.isEmpty()) proto = "tcp";
    if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
      throw new IllegalArgumentException("invalid proto: " + proto);
    }
    long[] range;
    try {
      range = range(port);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid containerPort: " + port);
    }
    if (!hostPort.isEmpty()) {
      long[] host;
      try {
        host = range(hostPort);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid hostPort: " + hostPort);
      }
      if (range[1] - range[0] != host[1] - host[0] && range[1] != range[0]) {
        throw new IllegalArgumentException(
            "invalid ranges specified for container and host Ports: " + port + " and " + hostPort);
      }
    }
    List<String> out = new ArrayList<>();
    for (long p = range[0]; p <= range[1]; p++) out.add(p + "/" + proto);
    return out;
  }

  private static long[] range(String ports) {
    if (ports.isEmpty()) throw new IllegalArgumentException("empty string specified for ports");
    String[] bounds = ports.split("-", -1);
    if (bounds.length > 2) throw new IllegalArgumentException("invalid port range format: " + ports);
    long start = uint16(bounds[0]);
    long end = bounds.length == 2 ? uint16(bounds[1]) : start;
    if (end < start) throw new IllegalArgumentException("invalid range specified for port: " + ports);
    return new long[] {start, end};
  }

  private static long uint16(String s) {
    if (!s.matches("[0-9]+")) throw new IllegalArgumentException(s);
    long v = Long.parseLong(s.length() > 6 ? "999999" : s);
    if (v > 65535) throw new IllegalArgumentException(s);
    return v;
  }
}
