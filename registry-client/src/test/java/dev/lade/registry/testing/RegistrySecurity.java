package dev.lade.registry.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

/**
 * The TLS and authentication side of a {@link LocalRegistry}: generated CA and certificates,
 * htpasswd file or token server, and the matching configuration sections.
 */
final class RegistrySecurity implements AutoCloseable {

  private final Path certificatesDirectory;
  private final TestCertificateAuthority ca;
  private final IssuedCertificate clientIdentity;
  private final RegistryConfig.Tls tlsConfig;
  private final TokenServer tokenServer;
  private final String authSection;

  private RegistrySecurity(
      Path certificatesDirectory,
      TestCertificateAuthority ca,
      IssuedCertificate clientIdentity,
      RegistryConfig.Tls tlsConfig,
      TokenServer tokenServer,
      String authSection) {
    this.certificatesDirectory = certificatesDirectory;
    this.ca = ca;
    this.clientIdentity = clientIdentity;
    this.tlsConfig = tlsConfig;
    this.tokenServer = tokenServer;
    this.authSection = authSection;
  }

  static RegistrySecurity prepare(RegistryOptions options, Path directory) throws IOException {
    boolean tokenAuth = options.auth() instanceof RegistryAuth.Token;
    Path certs = Files.createDirectories(directory.resolve("certs.d"));
    // The token server speaks HTTPS even in front of a plain-HTTP registry, so it needs a CA too.
    TestCertificateAuthority ca =
        options.tls() || tokenAuth ? TestCertificateAuthority.create() : null;
    if (ca != null) {
      ca.root().writeCertificatePem(certs.resolve("ca.crt"));
    }
    IssuedCertificate clientIdentity = null;
    RegistryConfig.Tls tls = null;
    if (options.tls()) {
      Path server = Files.createDirectories(directory.resolve("server"));
      IssuedCertificate serverIdentity = ca.issueServerCertificate();
      Path clientCas = null;
      if (options.clientCertificates()) {
        clientIdentity = ca.issueClientCertificate("lade test client");
        clientIdentity.writeCertificatePem(certs.resolve("client.cert"));
        clientIdentity.writePrivateKeyPem(certs.resolve("client.key"));
        clientCas = certs.resolve("ca.crt");
      }
      tls =
          new RegistryConfig.Tls(
              serverIdentity.writeCertificatePem(server.resolve("server.crt")),
              serverIdentity.writePrivateKeyPem(server.resolve("server.key")),
              clientCas);
    }
    TokenServer tokenServer = null;
    String authSection =
        switch (options.auth()) {
          case RegistryAuth.None none -> "";
          case RegistryAuth.Htpasswd htpasswd -> {
            Path file = directory.resolve("htpasswd");
            Files.writeString(file, Htpasswd.line(htpasswd.credentials()) + "\n");
            yield RegistryConfig.htpasswdAuth(file);
          }
          case RegistryAuth.Token token -> {
            tokenServer = TokenServer.start(ca, token.policy());
            yield RegistryConfig.tokenAuth(
                tokenServer,
                tokenServer.writeRootCertificateBundle(directory.resolve("token-signer.crt")));
          }
        };
    return new RegistrySecurity(certs, ca, clientIdentity, tls, tokenServer, authSection);
  }

  RegistryConfig.Tls tlsConfig() {
    return tlsConfig;
  }

  String authSection() {
    return authSection;
  }

  Path certificatesDirectory() {
    return certificatesDirectory;
  }

  /**
   * What a well-behaved client uses for the registry and the token server: trusts the CA, presents
   * the client certificate if any. Null when there is no CA.
   */
  SSLContext clientSslContext() {
    if (ca == null) {
      return null;
    }
    return clientIdentity == null
        ? TlsContexts.trusting(ca.root().certificate())
        : TlsContexts.trustingWithIdentity(ca.root().certificate(), clientIdentity);
  }

  TestCertificateAuthority requireCa() {
    if (ca == null) {
      throw new IllegalStateException("registry serves plain HTTP: there is no CA");
    }
    return ca;
  }

  IssuedCertificate requireClientIdentity() {
    if (clientIdentity == null) {
      throw new IllegalStateException("registry does not demand client certificates");
    }
    return clientIdentity;
  }

  TokenServer requireTokenServer() {
    if (tokenServer == null) {
      throw new IllegalStateException("registry does not use token auth");
    }
    return tokenServer;
  }

  @Override
  public void close() {
    if (tokenServer != null) {
      tokenServer.close();
    }
  }
}
