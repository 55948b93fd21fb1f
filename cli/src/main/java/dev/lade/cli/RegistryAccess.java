package dev.lade.cli;

import dev.lade.registry.RegistryClient;
import dev.lade.registry.RegistryConfig;

/** Registry clients configured from the command line's registry options. */
final class RegistryAccess {
  private final RegistryConfig config;

  RegistryAccess(RegistryOptionsMixin options) {
    this.config = RegistryConfig.defaults()
        .withTransport(options.transport())
        .withCredentials(options.dockerConfig());
  }

  RegistryClient client(String host) {
    return RegistryClient.forRegistry(host, config);
  }
}
