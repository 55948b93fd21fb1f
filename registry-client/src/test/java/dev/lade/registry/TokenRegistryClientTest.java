package dev.lade.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import com.sun.net.httpserver.HttpServer;
import dev.lade.registry.auth.AuthenticationException;
import dev.lade.registry.auth.Authenticator;
import dev.lade.registry.auth.Challenges;
import dev.lade.registry.auth.Credential;
import dev.lade.registry.transport.Transport;
import dev.lade.registry.blob.BlobSource;
import dev.lade.registry.testing.Credentials;
import dev.lade.registry.transfer.CopyResult;
import dev.lade.registry.transfer.ImageCopier;
import dev.lade.registry.transfer.RegistryRepository;
import dev.lade.registry.transfer.TransferListener;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.Scope;
import dev.lade.registry.testing.TinyImage;
import dev.lade.registry.testing.TokenPolicy;
import dev.lade.registry.testing.TokenRequest;
import dev.lade.registry.testing.TokenServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

  /**
   * A mount from a repository the user may not pull is refused (401 from the registry, its token
   * lacking pull there): that means "not mounted", as to containerd and Docker, and the push
   * uploads the blobs instead of failing.
   */
  @Test
  void aMountFromARepositoryWithoutPullRightsFallsBackToUpload() throws Exception {
    try (RegistryClient alice = client(ALICE, null)) {
      PlainRegistryClientTest.push(alice, "lade/secret-src", image);
      PlainRegistryClientTest.push(alice, "lade/open-src", image);
    }
    tokens.setPolicy(TokenPolicy.empty().withUser(ALICE).allow("alice", "lade/open-.*", "pull", "push"));

    try (RegistryClient alice = client(ALICE, null)) {
      assertFalse(alice.blobs().mount("lade/open-dst", Digest.parse(image.layerDigest()), "lade/secret-src"));

      CopyResult copied = new ImageCopier(2, TransferListener.NONE).copy(
          new RegistryRepository(alice, "lade/open-src", "v1"),
          new RegistryRepository(alice, "lade/open-copy", "v1", List.of("lade/secret-src")), null);

      assertEquals(2, copied.blobsSent(), "config and layer uploaded");
      assertArrayEquals(image.manifest(), alice.manifests().get("lade/open-copy", "v1").bytes());
    }
    List<Integer> mounts = registry.registry().requests(logged -> true).stream()
        .filter(r -> r.method().equals("POST") && r.target().contains("mount=") && r.target().contains("open-copy"))
        .map(dev.lade.registry.testing.LoggedRequest::status).distinct().toList();
    assertEquals(List.of(401), mounts);
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

  /**
   * A realm that redirects (307, 308) gets its POST again with the form, as Go's net/http, which
   * Docker's client uses, resends it; the password goes to the realm the registry named.
   */
  @ParameterizedTest
  @ValueSource(ints = {307, 308})
  void followsARealmRedirectingThePasswordPost(int status) throws Exception {
    try (Redirector redirector = Redirector.start(status, tokens.realm())) {
      String authorization = authorize(redirector);

      assertTrue(authorization.startsWith("Bearer "), authorization);
      assertEquals(List.of("POST"), redirector.methods());
      assertEquals(List.of(new TokenRequest("POST", "password", "alice",
          List.of(Scope.parse("repository:lade/app:pull")), 200)), tokens.requests());
    }
  }

  /** 301, 302 and 303 turn the POST into a GET, without the form; the token is an anonymous one. */
  @Test
  void aRealmRedirectingThePostWith303GetsAGet() throws Exception {
    tokens.setPolicy(TokenPolicy.pushPull(ALICE).allowAnonymous("lade/.*", "pull"));
    URI withQuery = URI.create(tokens.realm() + "?service=" + TokenServer.SERVICE + "&scope=repository:lade/app:pull");
    try (Redirector redirector = Redirector.start(303, withQuery)) {
      authorize(redirector);

      assertEquals(List.of("GET 200"), tokens.requests().stream().map(r -> r.method() + " " + r.status()).toList());
      assertEquals(TokenPolicy.ANONYMOUS, tokens.requests().get(0).subject());
    }
  }

  /** Docker's GET flow follows the realm too, and the password does not follow it to another origin. */
  @Test
  void theGetFlowFollowsARealmRedirectWithoutThePasswordToAnotherOrigin() throws Exception {
    tokens.setPolicy(TokenPolicy.pushPull(ALICE).withOAuthPost(false).allowAnonymous("lade/.*", "pull"));
    try (Redirector redirector = Redirector.start(307, tokens.realm())) {
      authorize(redirector);

      assertEquals(List.of("POST", "GET"), redirector.methods());
      assertTrue(redirector.authorizations().get(1).startsWith("Basic "), "the realm itself gets the password");
      assertEquals(List.of("GET 200"), tokens.requests().stream()
          .filter(r -> r.method().equals("GET")).map(r -> r.method() + " " + r.status()).toList());
      assertEquals(TokenPolicy.ANONYMOUS, tokens.requests().get(tokens.requests().size() - 1).subject());
    }
  }

  /** The authorization for pulling lade/app, got from a challenge naming {@code redirector} as realm. */
  private String authorize(Redirector redirector) throws Exception {
    Credential credential = new Credential.UsernamePassword(ALICE.username(), ALICE.password());
    Transport transport = dev.lade.registry.transport.Endpoints
        .forHost(registry.host(), TestConfigs.trusting(registry.registry(), certsD).transport()).get(0).transport();
    try {
      Authenticator authenticator = new Authenticator(registry.host(), credential, transport, java.time.Clock.systemUTC());
      List<dev.lade.registry.auth.Scope> pull = List.of(dev.lade.registry.auth.Scope.pull("lade/app"));
      authenticator.unauthorized(Challenges.parse("Bearer realm=\"" + redirector.url() + "\",service=\""
          + TokenServer.SERVICE + "\",scope=\"repository:lade/app:pull\""), pull, false);
      return authenticator.authorization(pull).orElseThrow();
    } finally {
      transport.shutdown();
    }
  }

  /**
   * A plain-HTTP realm that answers every request with {@code status} to {@code target}, with the
   * request's query if it has one.
   */
  private record Redirector(HttpServer server, List<String> methods, List<String> authorizations)
      implements AutoCloseable {
    static Redirector start(int status, URI target) throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      Redirector redirector = new Redirector(server, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
      server.createContext("/", exchange -> {
        exchange.getRequestBody().readAllBytes();
        redirector.methods.add(exchange.getRequestMethod());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        redirector.authorizations.add(authorization == null ? "" : authorization);
        String query = exchange.getRequestURI().getRawQuery();
        String location = query == null ? target.toString() : target.toString().replaceFirst("\\?.*", "") + "?" + query;
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
      });
      server.start();
      return redirector;
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  private RegistryClient client(Credentials user, MutableClock clock) {
    RegistryConfig config = TestConfigs.trusting(registry.registry(), certsD);
    if (user != null) config = TestConfigs.withUser(config, registry.host(), user);
    if (clock != null) config = new RegistryConfig(config.transport(), config.credentials(), config.uploads(), clock);
    return RegistryClient.forRegistry(registry.host(), config);
  }
}
