package dev.lade.registry.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks proxies as Go's {@code httpproxy.FromEnvironment} does, which Docker uses: {@code
 * HTTPS_PROXY} for https, {@code HTTP_PROXY} for http (upper or lower case), none for hosts in
 * {@code NO_PROXY} (host names, {@code .domain} suffixes, {@code host:port}, {@code *}) and never
 * for loopback.
 */
public final class EnvironmentProxySelector extends ProxySelector {
  private final URI httpProxy;
  private final URI httpsProxy;
  private final List<String> noProxy;

  private EnvironmentProxySelector(URI httpProxy, URI httpsProxy, List<String> noProxy) {
    this.httpProxy = httpProxy;
    this.httpsProxy = httpsProxy;
    this.noProxy = noProxy;
  }

  /** The selector for {@code environment} (such as {@link System#getenv()}). */
  public static EnvironmentProxySelector from(Map<String, String> environment) {
    List<String> noProxy = new ArrayList<>();
    String list = variable(environment, "NO_PROXY");
    if (list != null) {
      for (String entry : list.split(",")) {
        if (!entry.isBlank()) noProxy.add(entry.strip().toLowerCase(Locale.ROOT));
      }
    }
    return new EnvironmentProxySelector(
        proxyUri(variable(environment, "HTTP_PROXY")),
        proxyUri(variable(environment, "HTTPS_PROXY")),
        List.copyOf(noProxy));
  }

  @Override
  public List<Proxy> select(URI uri) {
    URI proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
    String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    if (proxy == null || RegistryHosts.isLoopback(authority) || bypassed(uri)) return List.of(Proxy.NO_PROXY);
    int port = proxy.getPort() >= 0 ? proxy.getPort() : "https".equals(proxy.getScheme()) ? 443 : 80;
    return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port)));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // Nothing to remember: the request fails and the retry policy decides.
  }

  private boolean bypassed(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
    for (String entry : noProxy) {
      if (entry.equals("*")) return true;
      String name = entry;
      int colon = entry.lastIndexOf(':');
      if (colon > 0 && entry.indexOf(':') == colon) {
        if (uri.getPort() >= 0 && !entry.substring(colon + 1).equals(Integer.toString(uri.getPort()))) continue;
        name = entry.substring(0, colon);
      }
      String suffix = name.startsWith(".") ? name : "." + name;
      if (host.equals(name.startsWith(".") ? name.substring(1) : name) || host.endsWith(suffix)) return true;
    }
    return false;
  }

  private static String variable(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) value = environment.get(name.toLowerCase(Locale.ROOT));
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static URI proxyUri(String value) {
    if (value == null) return null;
    return URI.create(value.contains("://") ? value : "http://" + value);
  }
}
