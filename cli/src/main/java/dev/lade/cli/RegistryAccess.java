package dev.lade.cli;

import dev.lade.registry.RegistryClient;
import dev.lade.registry.RegistryConfig;

/**
 * Registry clients configured from the command line's registry options. The configuration (Docker's config file,
 * credential helpers, proxies) is read when the first client is asked for: a build whose base images are all in the
 * store never talks to a registry, and reading it cost a sixth of a no-op {@code lade build}.
 */
final class RegistryAccess {
  private final RegistryOptionsMixin options;
  private RegistryConfig config;

  RegistryAccess(RegistryOptionsMixin options) {
    this.options = options;
  }

  synchronized RegistryClient client(String host) {
    if (config == null) {
      config = RegistryConfig.defaults()
          .withTransport(options.transport())
          .withCredentials(options.dockerConfig());
    }
    return RegistryClient.forRegistry(host, config);
  }
}
