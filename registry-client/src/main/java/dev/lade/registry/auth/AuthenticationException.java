package dev.lade.registry.auth;

import dev.lade.registry.RegistryException;
import java.util.List;

/**
 * Authentication with a registry or its token server failed, such as {@code registry
 * 127.0.0.1:5000: authenticate at 127.0.0.1:41234 for repository:lade/x:pull: HTTP 401:
 * incorrect username or password}. Never holds the secret itself.
 */
public final class AuthenticationException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String registry, String operation, int status, String reason) {
    super(registry, operation, status, List.of(), reason, null);
  }
}
