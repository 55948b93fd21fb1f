package dev.lade.registry.transfer;

import dev.lade.registry.RegistryConfig;
import dev.lade.registry.UploadOptions;
import dev.lade.registry.auth.CredentialSource;
import dev.lade.registry.transport.RetryPolicy;
import dev.lade.registry.transport.TransportConfig;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Anonymous clients with quick retries and nothing of the machine's configuration. */
final class TransferTestConfig {
  private TransferTestConfig() {}

  static RegistryConfig anonymous(Path emptyCertsD) {
    return new RegistryConfig(
        TransportConfig.defaults()
            .withCertsDirectory(emptyCertsD)
            .withProxies(ProxySelector.of(null))
            .withRetry(new RetryPolicy(6, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(2)))
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20)),
        CredentialSource.anonymous(),
        UploadOptions.defaults(),
        Clock.systemUTC());
  }
}
