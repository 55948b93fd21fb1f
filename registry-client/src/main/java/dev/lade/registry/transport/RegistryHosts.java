package dev.lade.registry.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Facts about registry host names ({@code host[:port]}, as in image references). */
public final class RegistryHosts {
  /** The name of Docker Hub in references. */
  public static final String DOCKER_HUB = "docker.io";

  /** Where Docker Hub's registry API is served. */
  public static final String DOCKER_HUB_API = "registry-1.docker.io";

  /** The key of Docker Hub in {@code ~/.docker/config.json}. */
  public static final String DOCKER_HUB_CONFIG_KEY = "https://index.docker.io/v1/";

  private RegistryHosts() {}

  /** The host that serves the API of registry {@code host}: Docker Hub's differs from its name. */
  public static String apiHost(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    return lower.equals(DOCKER_HUB) || lower.equals("index.docker.io") ? DOCKER_HUB_API : host;
  }

  /** The host name without the port, and without brackets for IPv6. */
  public static String hostname(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(1, end);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 || host.indexOf(':') != colon ? host : host.substring(0, colon);
  }

  /**
   * Whether {@code host} is on loopback ({@code 127.0.0.0/8}, {@code ::1} or {@code localhost}),
   * where plain HTTP is allowed without asking, as Docker does.
   */
  public static boolean isLoopback(String host) {
    String name = hostname(host).toLowerCase(Locale.ROOT);
    if (name.equals("localhost")) return true;
    if (!name.matches("[0-9.]+") && !name.contains(":")) return false; // never resolve names here
    try {
      return InetAddress.getByName(name).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
