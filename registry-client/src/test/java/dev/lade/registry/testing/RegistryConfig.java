package dev.lade.registry.testing;

import java.nio.file.Path;

/** Renders a distribution 2.8 configuration file (YAML) for a {@link LocalRegistry}. */
final class RegistryConfig {

  private RegistryConfig() {}

  /**
   * Files for {@code http.tls}; {@code clientCas} is null unless client certificates are demanded.
   */
  record Tls(Path certificate, Path key, Path clientCas) {}

  static String render(int port, Path storage, Tls tls, String authSection) {
    String yaml =
        """
        version: 0.1
        log:
          level: info
          formatter: text
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
          maintenance:
            uploadpurging:
              enabled: false
        http:
          addr: 127.0.0.1:%d
          secret: lade-test-secret
        """
            .formatted(quote(storage), port);
    if (tls != null) {
      yaml +=
          """
            tls:
              certificate: %s
              key: %s
          """
              .formatted(quote(tls.certificate()), quote(tls.key()));
      if (tls.clientCas() != null) {
        yaml += "    clientcas:\n      - %s\n".formatted(quote(tls.clientCas()));
      }
    }
    return yaml + authSection;
  }

  static String htpasswdAuth(Path htpasswd) {
    return """
    auth:
      htpasswd:
        realm: lade-test
        path: %s
    """
        .formatted(quote(htpasswd));
  }

  static String tokenAuth(TokenServer tokens, Path rootCertBundle) {
    return """
    auth:
      token:
        realm: %s
        service: %s
        issuer: %s
        rootcertbundle: %s
    """
        .formatted(
            quote(tokens.realm()),
            quote(TokenServer.SERVICE),
            quote(TokenServer.ISSUER),
            quote(rootCertBundle));
  }

  private static String quote(Object value) {
    return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
