package dev.lade.registry.testing;

import java.nio.file.Path;

/** Renders a distribution 2.8 configuration file (YAML) for a {@link LocalRegistry}. */
final class RegistryConfig {

  private RegistryConfig() {}

  /** Files for {@code http.tls}; {@code clientCas} is null unless client certificates are demanded. */
  record Tls(Path certificate, Path key, Path clientCas) {}

  static String render(int port, Path storage, Tls tls, String authSection) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("version: 0.1\n")
        .append("log:\n  level: info\n  formatter: text\n")
        .append("storage:\n")
        .append("  filesystem:\n    rootdirectory: ").append(quote(storage)).append('\n')
        .append("  delete:\n    enabled: true\n")
        .append("  maintenance:\n    uploadpurging:\n      enabled: false\n")
        .append("http:\n")
        .append("  addr: 127.0.0.1:").append(port).append('\n')
        .append("  secret: lade-test-secret\n");
    if (tls != null) {
      yaml.append("  tls:\n")
          .append("    certificate: ").append(quote(tls.certificate())).append('\n')
          .append("    key: ").append(quote(tls.key())).append('\n');
      if (tls.clientCas() != null) {
        yaml.append("    clientcas:\n      - ").append(quote(tls.clientCas())).append('\n');
      }
    }
    return yaml.append(authSection).toString();
  }

  static String htpasswdAuth(Path htpasswd) {
    return "auth:\n  htpasswd:\n    realm: lade-test\n    path: " + quote(htpasswd) + "\n";
  }

  static String tokenAuth(TokenServer tokens, Path rootCertBundle) {
    return "auth:\n  token:\n"
        + "    realm: " + quote(tokens.realm().toString()) + "\n"
        + "    service: " + quote(TokenServer.SERVICE) + "\n"
        + "    issuer: " + quote(TokenServer.ISSUER) + "\n"
        + "    rootcertbundle: " + quote(rootCertBundle) + "\n";
  }

  private static String quote(Object value) {
    return '"' + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
