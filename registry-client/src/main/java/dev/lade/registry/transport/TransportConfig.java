package dev.lade.registry.transport;

import java.net.ProxySelector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How lade reaches registries.
 *
 * @param insecureRegistries hosts ({@code host[:port]}) where TLS is not verified and plain HTTP is
 *     allowed, Docker's {@code --insecure-registry}; loopback hosts are always allowed plain HTTP
 * @param certsDirectory Docker's {@code certs.d} directory, holding one directory per host
 * @param proxies the proxy selector (by default from {@code HTTP(S)_PROXY}/{@code NO_PROXY})
 * @param mirrors per registry host, mirror hosts tried first for pulls
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a response's head
 * @param retry how to retry failed idempotent requests
 * @param userAgent the {@code User-Agent} sent
 */
public record TransportConfig(
    Set<String> insecureRegistries,
    Path certsDirectory,
    ProxySelector proxies,
    Map<String, List<String>> mirrors,
    Duration connectTimeout,
    Duration readTimeout,
    RetryPolicy retry,
    String userAgent) {

  /** Docker's system-wide certificate directory. */
  public static final Path DOCKER_CERTS_D = Path.of("/etc/docker/certs.d");

  /** The environment variable and system property that move {@link #DOCKER_CERTS_D}. */
  public static final String CERTS_D_VARIABLE = "LADE_CERTS_D";

  public TransportConfig {
    insecureRegistries = Set.copyOf(insecureRegistries);
    Objects.requireNonNull(certsDirectory, "certsDirectory");
    Objects.requireNonNull(proxies, "proxies");
    mirrors = Map.copyOf(mirrors);
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(userAgent, "userAgent");
  }

  /**
   * The defaults: no insecure registries, certificates from {@code $LADE_CERTS_D} (environment or
   * system property) else {@code /etc/docker/certs.d}, proxies from the environment, 30 s connect
   * and 5 min read timeouts, {@link RetryPolicy#defaults()}.
   */
  public static TransportConfig defaults() {
    String certs = System.getProperty(CERTS_D_VARIABLE, System.getenv(CERTS_D_VARIABLE));
    return new TransportConfig(
        Set.of(),
        certs == null || certs.isBlank() ? DOCKER_CERTS_D : Path.of(certs),
        EnvironmentProxySelector.from(System.getenv()),
        Map.of(),
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        RetryPolicy.defaults(),
        "lade/0.1");
  }

  public TransportConfig withInsecureRegistries(Set<String> hosts) {
    return new TransportConfig(hosts, certsDirectory, proxies, mirrors, connectTimeout, readTimeout, retry, userAgent);
  }

  public TransportConfig withCertsDirectory(Path directory) {
    return new TransportConfig(insecureRegistries, directory, proxies, mirrors, connectTimeout, readTimeout, retry, userAgent);
  }

  public TransportConfig withProxies(ProxySelector selector) {
    return new TransportConfig(insecureRegistries, certsDirectory, selector, mirrors, connectTimeout, readTimeout, retry, userAgent);
  }

  public TransportConfig withMirrors(Map<String, List<String>> byRegistry) {
    return new TransportConfig(insecureRegistries, certsDirectory, proxies, byRegistry, connectTimeout, readTimeout, retry, userAgent);
  }

  public TransportConfig withTimeouts(Duration connect, Duration read) {
    return new TransportConfig(insecureRegistries, certsDirectory, proxies, mirrors, connect, read, retry, userAgent);
  }

  public TransportConfig withRetry(RetryPolicy policy) {
    return new TransportConfig(insecureRegistries, certsDirectory, proxies, mirrors, connectTimeout, readTimeout, policy, userAgent);
  }

  /** Whether the user declared {@code host} insecure. */
  public boolean isInsecure(String host) {
    return insecureRegistries.contains(host);
  }

  /** The mirrors of registry {@code host}, in order; empty if none. */
  public List<String> mirrorsOf(String host) {
    return List.copyOf(mirrors.getOrDefault(host, List.of()));
  }
}
