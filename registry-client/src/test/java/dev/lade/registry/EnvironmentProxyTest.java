package dev.lade.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.registry.testing.ForwardProxy;
import dev.lade.registry.testing.LocalRegistry;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.TinyImage;
import dev.lade.registry.transport.EnvironmentProxySelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code HTTP_PROXY}, {@code HTTPS_PROXY} and {@code NO_PROXY} against real registries: each is
 * named by {@link ForwardProxy#NAME}, which only the proxy resolves, so a request that reaches one
 * went through the proxy, and one that bypasses it cannot resolve the name.
 */
class EnvironmentProxyTest {
  @RegisterExtension static RegistryExtension secure = RegistryExtension.tlsBasicAuth();
  @RegisterExtension static RegistryExtension plain = RegistryExtension.plainHttp();

  @TempDir Path certsD;
  private ForwardProxy proxy;

  @BeforeEach
  void start() throws Exception {
    proxy = ForwardProxy.start();
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
  }

  private static String proxiedHost(LocalRegistry registry) {
    return ForwardProxy.NAME + ":" + registry.port();
  }

  private RegistryConfig throughProxy(Map<String, String> environment) {
    RegistryConfig config = TestConfigs.anonymous(certsD);
    return config.withTransport(config.transport().withProxies(EnvironmentProxySelector.from(environment)));
  }

  @Test
  void httpsProxyTunnelsToAVerifiedTlsRegistryWithBasicAuth() throws Exception {
    LocalRegistry local = secure.registry();
    String host = proxiedHost(local);
    Files.copy(local.caCertificatePem(), Files.createDirectories(certsD.resolve(host)).resolve("ca.crt"));
    RegistryConfig config = TestConfigs.withUser(throughProxy(Map.of("HTTPS_PROXY", proxy.url())), host, local.credentials());
    TinyImage image = TinyImage.create();

    try (RegistryClient client = RegistryClient.forRegistry(host, config)) {
      PlainRegistryClientTest.push(client, "lade/proxied", image);

      assertArrayEquals(image.manifest(), client.manifests().get("lade/proxied", "v1").bytes());
      assertEquals("https://" + host, client.baseUrl().toString());
    }
    assertTrue(!proxy.targets().isEmpty() && proxy.targets().stream().allMatch(("CONNECT " + host)::equals),
        proxy.targets()::toString);
  }

  @Test
  void noProxyHostsAreReachedDirectly() throws Exception {
    String host = proxiedHost(secure.registry());
    RegistryConfig config = throughProxy(Map.of("HTTPS_PROXY", proxy.url(), "no_proxy", "example.com," + ForwardProxy.NAME));

    try (RegistryClient client = RegistryClient.forRegistry(host, config)) {
      RegistryException e = assertThrows(RegistryException.class, client::ping);

      assertTrue(e.getMessage().startsWith("registry " + host + ": "), e.getMessage());
    }
    assertEquals(List.of(), proxy.targets());
  }

  /** Docker allows plain HTTP beyond loopback only for hosts named with --insecure-registry. */
  @Test
  void plainHttpBeyondLoopbackOnlyForAnInsecureRegistry() throws Exception {
    String host = proxiedHost(plain.registry());
    RegistryConfig config = throughProxy(Map.of("HTTP_PROXY", proxy.url(), "HTTPS_PROXY", proxy.url()));

    try (RegistryClient client = RegistryClient.forRegistry(host, config)) {
      RegistryException e = assertThrows(RegistryException.class, client::ping);
      assertTrue(e.getMessage().startsWith("registry " + host + ": ping: TLS error"), e.getMessage());
    }
    assertTrue(proxy.targets().stream().allMatch(("CONNECT " + host)::equals), "never plain HTTP: " + proxy.targets());

    RegistryConfig insecure = config.withTransport(config.transport().withInsecureRegistries(Set.of(host)));
    try (RegistryClient client = RegistryClient.forRegistry(host, insecure)) {
      PlainRegistryClientTest.push(client, "lade/insecure", TinyImage.create());

      assertEquals("http://" + host, client.baseUrl().toString());
    }
    assertTrue(proxy.targets().contains("GET http://" + host + "/v2/"), proxy.targets()::toString);
  }

}
