package dev.lade.registry.transport;

import java.net.URI;

/**
 * One way to reach a registry: a base URL ({@code https://host:port}) and the transport to use.
 *
 * @param verified whether TLS certificates are verified (false for insecure registries)
 */
public record Endpoint(URI base, Transport transport, boolean verified) {

  /** Whether this endpoint is plain HTTP. */
  public boolean plainHttp() {
    return "http".equals(base.getScheme());
  }

  @Override
  public String toString() {
    return base + (verified || plainHttp() ? "" : " (TLS unverified)");
  }
}
