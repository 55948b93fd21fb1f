package dev.lade.registry.transport;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The endpoints to try for a registry host, in order, as Docker does: HTTPS with verified TLS;
 * for hosts declared insecure HTTPS without verification and then plain HTTP; for loopback hosts
 * plain HTTP after HTTPS. TLS contexts are made when a request first needs one.
 */
public final class Endpoints {
  private Endpoints() {}

  /** The candidates for {@code host} (a reference's domain; Docker Hub's API host is used). */
  public static List<Endpoint> forHost(String host, TransportConfig config) throws IOException {
    String api = RegistryHosts.apiHost(host);
    List<Endpoint> endpoints = new ArrayList<>();
    URI https = URI.create("https://" + api);
    URI http = URI.create("http://" + api);
    TlsSource verified = verifiedTls(api, config);
    if (config.isInsecure(host) || config.isInsecure(api)) {
      endpoints.add(new Endpoint(https, transport(new TlsSource(TlsContexts::trustingAnything), config), false));
      endpoints.add(new Endpoint(http, transport(verified, config), true));
    } else {
      endpoints.add(new Endpoint(https, transport(verified, config), true));
      if (RegistryHosts.isLoopback(api)) endpoints.add(new Endpoint(http, transport(verified, config), true));
    }
    return List.copyOf(endpoints);
  }

  /**
   * The plain-HTTP endpoint of a loopback registry, the one candidate that may be asked before
   * HTTPS: a TLS server cannot answer a plain request the way a registry does (200 or 401 to
   * {@code GET /v2/}), so when one does, HTTPS would have failed anyway. Empty for other hosts.
   */
  public static Optional<Endpoint> plainLoopback(String host, TransportConfig config) {
    String api = RegistryHosts.apiHost(host);
    if (!RegistryHosts.isLoopback(api)) return Optional.empty();
    return Optional.of(new Endpoint(URI.create("http://" + api), transport(verifiedTls(api, config), config), true));
  }

  // Docker names the directory after the host with its port, as in the reference. Redirects and
  // token realms may still lead a plain-HTTP registry's requests to HTTPS.
  private static TlsSource verifiedTls(String api, TransportConfig config) {
    return new TlsSource(() -> TlsContexts.forHost(config.certsDirectory().resolve(api)));
  }

  private static UrlConnectionTransport transport(TlsSource tls, TransportConfig config) {
    return new UrlConnectionTransport(tls, config.proxies(), config.connectTimeout(), config.userAgent());
  }
}
