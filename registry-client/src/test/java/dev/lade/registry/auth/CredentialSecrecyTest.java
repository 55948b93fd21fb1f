package dev.lade.registry.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialSecrecyTest {
  private static final String SECRET = "s3cr3t-value";

  @Test
  void credentialsAndTokensNeverShowTheirSecret() {
    Instant now = Instant.parse("2024-01-01T00:00:00Z");
    for (Object shown : new Object[] {
        new Credential.UsernamePassword("alice", SECRET),
        new Credential.IdentityToken("alice", SECRET),
        new Token(SECRET, now, now.plusSeconds(60), SECRET)}) {
      assertFalse(shown.toString().contains(SECRET), shown.toString());
    }
    assertEquals("UsernamePassword[alice, ***]", new Credential.UsernamePassword("alice", SECRET).toString());
  }

  @Test
  void basicAuthorizationIsBase64OfUserColonPassword() {
    // RFC 7617's example.
    assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
        new Credential.UsernamePassword("Aladdin", "open sesame").basicAuthorization());
  }

  @Test
  void tokensAreRenewedInTheLastQuarterOfTheirLifetimeAtMostThirtySecondsEarly() {
    Instant issued = Instant.parse("2024-01-01T00:00:00Z");
    Token short_ = new Token("t", issued, issued.plusSeconds(60), null);
    Token long_ = new Token("t", issued, issued.plusSeconds(3600), null);

    assertFalse(short_.needsRenewal(issued.plusSeconds(44)));
    assertEquals(true, short_.needsRenewal(issued.plusSeconds(45)));
    assertFalse(long_.needsRenewal(issued.plusSeconds(3569)));
    assertEquals(true, long_.needsRenewal(issued.plusSeconds(3570)));
  }
}
