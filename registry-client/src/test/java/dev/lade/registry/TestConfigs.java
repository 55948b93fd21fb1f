package dev.lade.registry;

import dev.lade.registry.auth.Credential;
import dev.lade.registry.auth.CredentialSource;
import dev.lade.registry.testing.Credentials;
import dev.lade.registry.testing.LocalRegistry;
import dev.lade.registry.transport.RetryPolicy;
import dev.lade.registry.transport.TransportConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Client configurations for the test registries: fast retries, no proxy, no user config. */
final class TestConfigs {
  private TestConfigs() {}

  /** Quick retries so fault tests stay fast. */
  static final RetryPolicy FAST_RETRY =
      new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(2));

  /** Anonymous, with an empty certs.d, so nothing of the machine leaks in. */
  static RegistryConfig anonymous(Path emptyCertsD) {
    return new RegistryConfig(
        TransportConfig.defaults()
            .withCertsDirectory(emptyCertsD)
            .withProxies(ProxySelector.of(null))
            .withRetry(FAST_RETRY)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20)),
        CredentialSource.anonymous(),
        UploadOptions.defaults(),
        Clock.systemUTC());
  }

  /** Trusting {@code registry}'s CA (and presenting its client certificate) through a certs.d. */
  static RegistryConfig trusting(LocalRegistry registry, Path certsD) {
    return anonymous(certsDirectory(registry, certsD));
  }

  static RegistryConfig withUser(RegistryConfig config, String host, Credentials user) {
    return config.withCredentials(CredentialSource.of(
        Map.of(host, new Credential.UsernamePassword(user.username(), user.password()))));
  }

  /** Docker's layout: {@code certsD/HOST:PORT/} holding the registry's {@code ca.crt} etc. */
  static Path certsDirectory(LocalRegistry registry, Path certsD) {
    try {
      Path host = Files.createDirectories(certsD.resolve(registry.host()));
      try (DirectoryStream<Path> files = Files.newDirectoryStream(registry.certificatesDirectory())) {
        for (Path file : files) Files.copy(file, host.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return certsD;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
