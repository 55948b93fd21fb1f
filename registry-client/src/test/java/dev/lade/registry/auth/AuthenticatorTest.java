package dev.lade.registry.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.http.LowLevelHttpRequest;
import dev.lade.registry.transport.Transport;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How the authenticator answers a registry's Basic challenges; the Bearer flow is proven against
 * the token registry in {@code TokenRegistryClientTest}.
 */
class AuthenticatorTest {
  private static final List<Challenge> BASIC = Challenges.parse("Basic realm=\"Registry Realm\"");
  private static final List<Scope> PULL = List.of(Scope.pull("library/busybox"));
  /** RFC 7617's example credential. */
  private static final Credential.UsernamePassword ALADDIN = new Credential.UsernamePassword("Aladdin", "open sesame");

  /** Basic challenges need no token server; a request to one fails the test. */
  private static final Transport NO_TOKEN_SERVER = new Transport() {
    @Override
    public LowLevelHttpRequest request(String method, URI url) throws IOException {
      throw new IOException("no token server here: " + method + " " + url);
    }

    @Override
    public void shutdown() {}
  };

  private static Authenticator authenticator(Credential credential) {
    return new Authenticator("registry.example.com", credential, NO_TOKEN_SERVER, Clock.systemUTC());
  }

  /**
   * Requests sent in parallel before the challenge was known all went without the password; each
   * of their 401s must allow a retry with it, not only the first (lade copy to an htpasswd
   * registry failed with 401 when only the first retried).
   */
  @Test
  void everyRequestSentBeforeTheBasicChallengeRetriesWithThePassword() throws Exception {
    Authenticator authenticator = authenticator(ALADDIN);
    assertEquals(Optional.empty(), authenticator.authorization(PULL), "nothing to send before a challenge");

    for (int request = 0; request < 3; request++) {
      assertTrue(authenticator.unauthorized(BASIC, PULL, false), "request " + request + " retries");
    }
    assertEquals(Optional.of("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="), authenticator.authorization(PULL));
  }

  @Test
  void aPasswordTheRegistryRefusedIsNotSentAgain() {
    Authenticator authenticator = authenticator(ALADDIN);
    authenticator.unauthorized(BASIC, PULL, false);

    assertFalse(authenticator.unauthorized(BASIC, PULL, true));
  }

  @Test
  void withoutAPasswordABasicChallengeIsFinal() throws Exception {
    Authenticator authenticator = authenticator(new Credential.Anonymous());

    assertFalse(authenticator.unauthorized(BASIC, PULL, false));
    assertEquals(Optional.empty(), authenticator.authorization(PULL));
  }
}
