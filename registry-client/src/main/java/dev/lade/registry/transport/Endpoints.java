package dev.lade.registry.transport;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The endpoints to try for a registry host, in order, as Docker does: HTTPS with verified TLS;
 * for hosts declared insecure HTTPS without verification and then plain HTTP; for loopback hosts
 * plain HTTP after HTTPS.
 */
public final class Endpoints {
  private Endpoints() {}

  /** The candidates for {@code host} (a reference's domain; Docker Hub's API host is used). */
  public static List<Endpoint> forHost(String host, TransportConfig config) throws IOException {
    String api = RegistryHosts.apiHost(host);
    List<Endpoint> endpoints = new ArrayList<>();
    URI https = URI.create("https://" + api);
    URI http = URI.create("http://" + api);
    // Docker names the directory after the host with its port, as in the reference.
    SSLContext verified = TlsContexts.forHost(config.certsDirectory().resolve(api));
    if (config.isInsecure(host) || config.isInsecure(api)) {
      endpoints.add(new Endpoint(https, transport(TlsContexts.trustingAnything(), config), false));
      endpoints.add(new Endpoint(http, transport(verified, config), true));
    } else {
      endpoints.add(new Endpoint(https, transport(verified, config), true));
      if (RegistryHosts.isLoopback(api)) endpoints.add(new Endpoint(http, transport(verified, config), true));
    }
    return List.copyOf(endpoints);
  }

  private static JdkHttpTransport transport(SSLContext ssl, TransportConfig config) {
    return JdkHttpTransport.create(ssl, config.proxies(), config.connectTimeout());
  }
}
