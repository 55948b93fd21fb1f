package dev.lade.registry.testing;

import java.util.Objects;

/** How a {@link LocalRegistry} authenticates clients. */
public sealed interface RegistryAuth {

  /** Anyone may do anything. */
  record None() implements RegistryAuth {}

  /** HTTP Basic authentication against an htpasswd file holding one user. */
  record Htpasswd(Credentials credentials) implements RegistryAuth {
    public Htpasswd {
      Objects.requireNonNull(credentials, "credentials");
    }
  }

  /**
   * Docker token authentication, with a {@link TokenServer} issuing tokens under {@code policy}.
   */
  record Token(TokenPolicy policy) implements RegistryAuth {
    public Token {
      Objects.requireNonNull(policy, "policy");
    }
  }
}
