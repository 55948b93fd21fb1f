package dev.lade.registry.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token from a token server, with when it stops working.
 *
 * @param refreshToken the OAuth2 refresh token handed out with it, or null
 */
public record Token(String value, Instant issuedAt, Instant expiresAt, String refreshToken) {

  /**
   * Whether the token should be renewed at {@code now}: within the last quarter of its lifetime
   * (at most 30 s before the end), so it does not run out in the middle of a request.
   */
  public boolean needsRenewal(Instant now) {
    Duration lifetime = Duration.between(issuedAt, expiresAt);
    Duration margin = lifetime.dividedBy(4);
    if (margin.compareTo(Duration.ofSeconds(30)) > 0) margin = Duration.ofSeconds(30);
    return !now.isBefore(expiresAt.minus(margin));
  }

  @Override
  public String toString() {
    return "Token[***, expires " + expiresAt + (refreshToken == null ? "" : ", with refresh token") + "]";
  }
}
