package dev.lade.registry.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostsAndProxiesTest {

  @Test
  void dockerHubIsServedFromRegistry1() {
    assertEquals("registry-1.docker.io", RegistryHosts.apiHost("docker.io"));
    assertEquals("registry-1.docker.io", RegistryHosts.apiHost("index.docker.io"));
    assertEquals("ghcr.io", RegistryHosts.apiHost("ghcr.io"));
  }

  @Test
  void onlyLoopbackIsLoopback() {
    assertTrue(RegistryHosts.isLoopback("127.0.0.1:5000"));
    assertTrue(RegistryHosts.isLoopback("127.3.4.5"));
    assertTrue(RegistryHosts.isLoopback("[::1]:5000"));
    assertTrue(RegistryHosts.isLoopback("localhost:5000"));
    assertFalse(RegistryHosts.isLoopback("10.0.0.1:5000"));
    assertFalse(RegistryHosts.isLoopback("registry.example.com"));
  }

  @Test
  void proxiesFromTheEnvironmentAsGoReadsThem() {
    EnvironmentProxySelector selector = EnvironmentProxySelector.from(Map.of(
        "HTTPS_PROXY", "http://proxy.example.com:3128",
        "http_proxy", "proxy.example.com:8080",
        "NO_PROXY", "internal.example.com,.corp,registry.local:5000"));

    assertEquals(proxy("proxy.example.com", 3128), selector.select(URI.create("https://ghcr.io/v2/")));
    assertEquals(proxy("proxy.example.com", 8080), selector.select(URI.create("http://ghcr.io/v2/")));
    assertEquals(List.of(Proxy.NO_PROXY), selector.select(URI.create("https://internal.example.com/v2/")));
    assertEquals(List.of(Proxy.NO_PROXY), selector.select(URI.create("https://a.b.corp/v2/")));
    assertEquals(List.of(Proxy.NO_PROXY), selector.select(URI.create("https://registry.local:5000/v2/")));
    assertEquals(proxy("proxy.example.com", 3128), selector.select(URI.create("https://registry.local:6000/v2/")));
    assertEquals(List.of(Proxy.NO_PROXY), selector.select(URI.create("https://127.0.0.1:5000/v2/")));
  }

  @Test
  void noProxyStarBypassesEverything() {
    EnvironmentProxySelector selector =
        EnvironmentProxySelector.from(Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", "*"));

    assertEquals(List.of(Proxy.NO_PROXY), selector.select(URI.create("https://ghcr.io/v2/")));
  }

  private static List<Proxy> proxy(String host, int port) {
    return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port)));
  }
}
