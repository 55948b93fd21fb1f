package dev.lade.registry;

import dev.lade.registry.auth.Credential;
import dev.lade.registry.auth.CredentialSource;
import dev.lade.registry.auth.DockerConfig;
import dev.lade.registry.transport.TransportConfig;
import java.io.IOException;
import java.util.Map;

/** {@code docker login} and {@code docker logout}: check credentials, then keep or forget them. */
public final class RegistryLogin {
  private RegistryLogin() {}

  /**
   * Checks {@code credential} by pinging {@code host} with it, then stores it in {@code store}
   * (through its credential helper if it has one).
   *
   * @throws RegistryException if the registry cannot be reached or refuses the credential
   */
  public static void login(String host, Credential.UsernamePassword credential, TransportConfig transport,
      DockerConfig store) throws IOException {
    RegistryConfig config = RegistryConfig.defaults()
        .withTransport(transport)
        .withCredentials(CredentialSource.of(Map.of(host, credential)));
    try (RegistryClient client = RegistryClient.forRegistry(host, config)) {
      client.ping();
    }
    store.store(host, credential);
  }

  /** Forgets the stored credential of {@code host}; returns whether there was one. */
  public static boolean logout(String host, DockerConfig store) throws IOException {
    return store.erase(host);
  }
}
