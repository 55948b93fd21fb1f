package dev.lade.registry.testing;

import java.util.Objects;

/**
 * What kind of {@link LocalRegistry} to start.
 *
 * @param tls serve HTTPS with a certificate from a fresh test CA instead of plain HTTP
 * @param clientCertificates demand a client certificate from that CA (mTLS); needs {@code tls}
 * @param auth how clients authenticate
 */
public record RegistryOptions(boolean tls, boolean clientCertificates, RegistryAuth auth) {

  /** The user the basic-auth factory methods create. */
  public static final Credentials DEFAULT_USER = new Credentials("lade", "lade-secret");

  public RegistryOptions {
    Objects.requireNonNull(auth, "auth");
    if (clientCertificates && !tls) {
      throw new IllegalArgumentException("client certificates need TLS");
    }
  }

  /** Plain HTTP, no authentication. */
  public static RegistryOptions plainHttp() {
    return new RegistryOptions(false, false, new RegistryAuth.None());
  }

  /** HTTPS with basic authentication of {@link #DEFAULT_USER}. */
  public static RegistryOptions tlsBasicAuth() {
    return tlsBasicAuth(DEFAULT_USER);
  }

  /** HTTPS with basic authentication of {@code user}. */
  public static RegistryOptions tlsBasicAuth(Credentials user) {
    return new RegistryOptions(true, false, new RegistryAuth.Htpasswd(user));
  }

  /** HTTPS with token authentication; the registry starts a {@link TokenServer} for it. */
  public static RegistryOptions tlsToken(TokenPolicy policy) {
    return new RegistryOptions(true, false, new RegistryAuth.Token(policy));
  }

  /** The same options, also demanding client certificates (and so TLS). */
  public RegistryOptions withClientCertificates() {
    return new RegistryOptions(true, true, auth);
  }

  /** The same transport with another kind of authentication. */
  public RegistryOptions withAuth(RegistryAuth newAuth) {
    return new RegistryOptions(tls, clientCertificates, newAuth);
  }
}
