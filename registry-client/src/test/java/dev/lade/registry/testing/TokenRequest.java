package dev.lade.registry.testing;

import java.util.List;

/**
 * One request a {@link TokenServer} answered, for tests to count and inspect.
 *
 * @param method {@code GET} (Docker's token flow) or {@code POST} (the OAuth2 form flow)
 * @param grantType the OAuth2 {@code grant_type}, or empty for {@code GET}
 * @param subject the authenticated user, {@link TokenPolicy#ANONYMOUS}, or empty when refused
 * @param scopes the scopes asked for
 * @param status the HTTP status answered
 */
public record TokenRequest(
    String method, String grantType, String subject, List<Scope> scopes, int status) {

  public TokenRequest {
    scopes = List.copyOf(scopes);
  }

  /** Whether a token was handed out. */
  public boolean succeeded() {
    return status == 200;
  }
}
