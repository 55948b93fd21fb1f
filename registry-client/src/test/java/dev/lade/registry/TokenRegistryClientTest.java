package dev.lade.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.registry.auth.AuthenticationException;
import dev.lade.registry.blob.BlobSource;
import dev.lade.registry.testing.Credentials;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.Scope;
import dev.lade.registry.testing.TinyImage;
import dev.lade.registry.testing.TokenPolicy;
import dev.lade.registry.testing.TokenRequest;
import dev.lade.registry.testing.TokenServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Docker's token flow and OAuth2 against a real registry and token server. */
class TokenRegistryClientTest {
  private static final Credentials ALICE = new Credentials("alice", "alice-secret");

  @RegisterExtension static RegistryExtension registry = RegistryExtension.tlsToken(TokenPolicy.pushPull(ALICE));

  @TempDir Path certsD;
  private TokenServer tokens;
  private final TinyImage image = TinyImage.create();

  @BeforeEach
  void reset() {
    tokens = registry.registry().tokenServer();
    tokens.setPolicy(TokenPolicy.pushPull(ALICE));
    tokens.clearRequests();
  }

  @Test
  void pullsAnonymouslyWhereThePolicyAllows() throws Exception {
    tokens.setPolicy(TokenPolicy.pushPull(ALICE).allowAnonymous("public/.*", "pull"));
    try (RegistryClient alice = client(ALICE, null)) {
      PlainRegistryClientTest.push(alice, "public/app", image);
    }
    tokens.clearRequests();

    try (RegistryClient anonymous = client(null, null)) {
      assertArrayEquals(image.manifest(), anonymous.manifests().get("public/app", "v1").bytes());
    }

    assertEquals(List.of(new TokenRequest("GET", "", TokenPolicy.ANONYMOUS,
        List.of(Scope.parse("repository:public/app:pull")), 200)), tokens.requests());
  }

  @Test
  void pushesWithOAuthPasswordGrantThenUsesTheRefreshToken() throws Exception {
    try (RegistryClient alice = client(ALICE, null)) {
      PlainRegistryClientTest.push(alice, "lade/oauth", image);
      alice.manifests().get("lade/oauth", "v1");
    }

    assertEquals(List.of("password", "refresh_token"),
        tokens.requests().stream().map(TokenRequest::grantType).toList());
    assertTrue(tokens.requests().stream().allMatch(r -> r.method().equals("POST") && r.succeeded()));
    assertEquals(List.of(Scope.parse("repository:lade/oauth:pull")), tokens.requests().get(1).scopes());
  }

  @Test
  void fallsBackToGetWhenTheTokenServerHasNoOAuth() throws Exception {
    tokens.setPolicy(TokenPolicy.pushPull(ALICE).withOAuthPost(false));
    try (RegistryClient alice = client(ALICE, null)) {
      PlainRegistryClientTest.push(alice, "lade/get", image);
      alice.manifests().get("lade/get", "v1");
    }

    List<TokenRequest> requests = tokens.requests();
    assertEquals(List.of("POST 404", "GET 200", "GET 200"),
        requests.stream().map(r -> r.method() + " " + r.status()).toList());
    assertEquals("alice", requests.get(1).subject());
  }

  @Test
  void reusesATokenForTheSameScopes() throws Exception {
    try (RegistryClient alice = client(ALICE, null)) {
      PlainRegistryClientTest.push(alice, "lade/reuse", image);
      long afterPush = tokens.issuedCount();
      alice.manifests().get("lade/reuse", "v1");
      alice.manifests().head("lade/reuse", "v1");
      alice.tags().list("lade/reuse");

      assertEquals(1, afterPush);
      assertEquals(2, tokens.issuedCount());
    }
  }

  @Test
  void sharesOneTokenAmongConcurrentVirtualThreads() throws Exception {
    try (RegistryClient alice = client(ALICE, null)) {
      PlainRegistryClientTest.push(alice, "lade/threads", image);
      tokens.clearRequests();
      Digest layer = Digest.parse(image.layerDigest());
      try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
        List<java.util.concurrent.Future<byte[]>> pulls = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
          pulls.add(threads.submit(() -> {
            try (var in = alice.blobs().open("lade/threads", layer, image.layer().length)) {
              return in.readAllBytes();
            }
          }));
        }
        for (var pull : pulls) assertArrayEquals(image.layer(), pull.get());
      }
    }

    assertEquals(1, tokens.issuedCount());
  }

  @Test
  void renewsATokenBeforeItExpires() throws Exception {
    MutableClock clock = new MutableClock();
    try (RegistryClient alice = client(ALICE, clock)) {
      alice.manifests().head("lade/renew", "v1");
      clock.advance(TokenPolicy.empty().lifetime().minusSeconds(5));
      alice.manifests().head("lade/renew", "v1");
    }

    assertEquals(List.of("password", "refresh_token"),
        tokens.requests().stream().map(TokenRequest::grantType).toList());
  }

  @Test
  void renewsATokenThatExpiredInTheMiddleOfAPush() throws Exception {
    tokens.setPolicy(TokenPolicy.pushPull(ALICE).withLifetime(Duration.ofSeconds(1)));
    MutableClock frozen = new MutableClock(); // the client believes its token still fresh
    byte[] second = "second blob".getBytes(StandardCharsets.UTF_8);
    try (RegistryClient alice = client(ALICE, frozen)) {
      alice.blobs().upload("lade/expiry", Digest.parse(image.layerDigest()), image.layer().length,
          BlobSource.of(image.layer()));
      Thread.sleep(1500);

      alice.blobs().upload("lade/expiry", Digest.sha256(second), second.length, BlobSource.of(second));

      assertTrue(alice.blobs().exists("lade/expiry", Digest.sha256(second)));
    }
    assertEquals(List.of("password", "refresh_token"),
        tokens.requests().stream().map(TokenRequest::grantType).toList().subList(0, 2));
  }

  @Test
  void mountAsksForPullOnTheSourceAndPushOnTheTarget() throws Exception {
    try (RegistryClient alice = client(ALICE, null)) {
      PlainRegistryClientTest.push(alice, "lade/mount-src", image);

      assertTrue(alice.blobs().mount("lade/mount-dst", Digest.parse(image.layerDigest()), "lade/mount-src"));
    }

    List<TokenRequest> requests = tokens.requests();
    assertEquals(List.of(Scope.parse("repository:lade/mount-dst:pull,push"), Scope.parse("repository:lade/mount-src:pull")),
        requests.get(requests.size() - 1).scopes());
  }

  @Test
  void httpLoggingNeverShowsPasswordsOrTokens() throws Exception {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("com.google.api.client.http");
    StringBuilder logged = new StringBuilder();
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        synchronized (logged) {
          logged.append(record.getMessage()).append('\n');
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    java.util.logging.Level before = logger.getLevel();
    logger.setLevel(java.util.logging.Level.ALL);
    logger.addHandler(capture);
    try (RegistryClient alice = client(ALICE, null)) {
      PlainRegistryClientTest.push(alice, "lade/logged", image);
    } finally {
      logger.removeHandler(capture);
      logger.setLevel(before);
    }

    // google-http-client would log "Authorization: Bearer ..." and curl lines here if let.
    assertFalse(logged.toString().contains(ALICE.password()), logged.toString());
    assertFalse(logged.toString().contains("Bearer ey"), logged.toString());
    assertFalse(logged.toString().contains("Authorization"), logged.toString());
  }

  @Test
  void wrongPasswordIsRefusedAtTheTokenServerWithoutShowingIt() throws Exception {
    String secret = "wrong-secret-0815";
    try (RegistryClient mallory = client(new Credentials("alice", secret), null)) {
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> mallory.manifests().get("lade/app", "v1"));

      assertEquals(401, e.status());
      assertTrue(e.getMessage().startsWith("registry " + registry.host() + ": authenticate at 127.0.0.1:"), e.getMessage());
      assertTrue(e.getMessage().endsWith(" for repository:lade/app:pull: HTTP 401: invalid_grant"), e.getMessage());
      assertFalse(e.getMessage().contains(secret));
    }
  }

  private RegistryClient client(Credentials user, MutableClock clock) {
    RegistryConfig config = TestConfigs.trusting(registry.registry(), certsD);
    if (user != null) config = TestConfigs.withUser(config, registry.host(), user);
    if (clock != null) config = new RegistryConfig(config.transport(), config.credentials(), config.uploads(), clock);
    return RegistryClient.forRegistry(registry.host(), config);
  }
}
