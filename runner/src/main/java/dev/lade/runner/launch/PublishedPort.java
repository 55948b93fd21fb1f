package dev.lade.runner.launch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host port forwarded into a container's network ({@code -p}), by slirp4netns.
 *
 * @param protocol {@code tcp} or {@code udp}
 * @param hostIp the host address to listen on ({@code 0.0.0.0}: all)
 * @param hostPort the host port
 * @param containerPort the port in the container
 */
public record PublishedPort(String protocol, String hostIp, int hostPort, int containerPort) {

  private static final Pattern SPEC = Pattern.compile("(?:(.+):)?([^:/]*):([^:/]+)(?:/(.*))?");

  public PublishedPort {
    if (!protocol.equals("tcp") && !protocol.equals("udp")) {
      throw new IllegalArgumentException("Invalid proto: " + protocol);
    }
  }

  /**
   * Parses docker's {@code [IP:]HOST:CONTAINER[/PROTOCOL]}.
   *
   * @throws IllegalArgumentException with docker's message when it is not one
   */
  public static PublishedPort parse(String spec) {
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw new IllegalArgumentException("lade publishes HOST:CONTAINER ports only (no random host port): " + spec);
    }
    String ip = m.group(1) == null ? "0.0.0.0" : m.group(1).replaceAll("^\\[|\\]$", "");
    return new PublishedPort(m.group(4) == null ? "tcp" : m.group(4), ip, port(m.group(2), "hostPort"),
        port(m.group(3), "containerPort"));
  }

  private static int port(String text, String what) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("Invalid " + what + ": " + text);
  }

  /** As docker ps's PORTS column shows it: {@code 0.0.0.0:8080->80/tcp}. */
  @Override
  public String toString() {
    return hostIp + ":" + hostPort + "->" + containerPort + "/" + protocol;
  }
}
