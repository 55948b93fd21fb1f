package dev.lade.registry.auth;

import java.io.IOException;
import java.util.Map;

/** Where credentials for a registry come from, such as Docker's {@code config.json}. */
@FunctionalInterface
public interface CredentialSource {

  /**
   * The credential for registry {@code host} (a reference's domain, such as {@code docker.io} or
   * {@code localhost:5000}); {@link Credential.Anonymous} when there is none.
   */
  Credential credentialFor(String host) throws IOException;

  /** Always anonymous. */
  static CredentialSource anonymous() {
    return host -> Credential.anonymous();
  }

  /** Fixed credentials per host, anonymous for others. */
  static CredentialSource of(Map<String, ? extends Credential> byHost) {
    Map<String, Credential> copy = Map.copyOf(byHost);
    return host -> copy.getOrDefault(host, Credential.anonymous());
  }
}
