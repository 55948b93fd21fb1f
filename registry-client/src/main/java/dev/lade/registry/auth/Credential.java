package dev.lade.registry.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * What lade presents to a registry. Secrets never appear in {@code toString}, so a credential can
 * be logged or put in a message by mistake without leaking.
 */
public sealed interface Credential {

  /** No credentials: anonymous access. */
  record Anonymous() implements Credential {}

  /** A user name and password (or personal access token). */
  record UsernamePassword(String username, String password) implements Credential {
    public UsernamePassword {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (username.isEmpty()) throw new IllegalArgumentException("user name must not be empty");
    }

    /** The value of an {@code Authorization} header for HTTP Basic authentication. */
    public String basicAuthorization() {
      return "Basic " + Base64.getEncoder()
          .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "UsernamePassword[" + username + ", ***]";
    }
  }

  /**
   * An identity token (Docker's {@code identitytoken}): an OAuth2 refresh token, exchanged at the
   * token server for access tokens.
   *
   * @param username the user it was issued to, possibly empty
   */
  record IdentityToken(String username, String token) implements Credential {
    public IdentityToken {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
      return "IdentityToken[" + username + ", ***]";
    }
  }

  static Credential anonymous() {
    return new Anonymous();
  }
}
