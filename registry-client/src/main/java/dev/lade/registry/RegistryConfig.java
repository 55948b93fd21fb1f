package dev.lade.registry;

import dev.lade.registry.auth.CredentialSource;
import dev.lade.registry.auth.DockerConfig;
import dev.lade.registry.transport.TransportConfig;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything a {@link RegistryClient} needs besides the host.
 *
 * @param transport how registries are reached (TLS, proxies, timeouts, retries, mirrors)
 * @param credentials where credentials come from
 * @param uploads how blobs are uploaded
 * @param clock the time, for token expiry and {@code Retry-After} dates
 */
public record RegistryConfig(
    TransportConfig transport, CredentialSource credentials, UploadOptions uploads, Clock clock) {

  public RegistryConfig {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(uploads, "uploads");
    Objects.requireNonNull(clock, "clock");
  }

  /** Default transport, credentials from Docker's {@code config.json}, default uploads. */
  public static RegistryConfig defaults() {
    return new RegistryConfig(
        TransportConfig.defaults(), DockerConfig.load(), UploadOptions.defaults(), Clock.systemUTC());
  }

  public RegistryConfig withTransport(TransportConfig newTransport) {
    return new RegistryConfig(newTransport, credentials, uploads, clock);
  }

  public RegistryConfig withCredentials(CredentialSource source) {
    return new RegistryConfig(transport, source, uploads, clock);
  }

  public RegistryConfig withUploads(UploadOptions options) {
    return new RegistryConfig(transport, credentials, options, clock);
  }
}
