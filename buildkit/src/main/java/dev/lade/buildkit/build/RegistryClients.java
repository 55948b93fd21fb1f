package dev.lade.buildkit.build;

import dev.lade.registry.RegistryClient;
import java.io.IOException;

/** Opens a client for a registry, with the user's credentials and transport settings. */
@FunctionalInterface
public interface RegistryClients {
  /** A client for {@code domain}, e.g. {@code docker.io}; the caller closes it. */
  RegistryClient open(String domain) throws IOException;
}
