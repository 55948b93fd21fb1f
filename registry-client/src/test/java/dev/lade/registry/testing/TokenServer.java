package dev.lade.registry.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Docker token authorization server over HTTPS on loopback, issuing tokens a real distribution
 * registry accepts. It serves Docker's {@code GET realm?service=&scope=} flow and the OAuth2 {@code
 * POST} form flow at {@link #realm()}, decides by a {@link TokenPolicy} (changeable between tests)
 * and records every request it answers.
 */
public final class TokenServer implements AutoCloseable {

  /** The {@code service} the registry names in its challenge, and the tokens' audience. */
  public static final String SERVICE = "lade-test-registry";

  /** The tokens' issuer, which the registry is configured to trust. */
  public static final String ISSUER = "lade-test-token-server";

  /**
   * distribution's {@code token.Leeway}: the registry still accepts a token this long after its
   * {@code exp}, so tokens are stamped that much earlier to end at the policy's lifetime.
   */
  static final Duration REGISTRY_LEEWAY = Duration.ofSeconds(60);

  private final HttpsServer server;
  private final ExecutorService executor;
  private final IssuedCertificate signingCertificate;
  private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private volatile TokenPolicy policy;

  private TokenServer(
      HttpsServer server,
      ExecutorService executor,
      IssuedCertificate signingCertificate,
      TokenPolicy policy) {
    this.server = server;
    this.executor = executor;
    this.signingCertificate = signingCertificate;
    this.policy = policy;
  }

  /** Starts a server whose TLS certificate and token-signing certificate come from {@code ca}. */
  public static TokenServer start(TestCertificateAuthority ca, TokenPolicy policy)
      throws IOException {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(
            TlsContexts.server(ca.issueServerCertificate(), ca.root().certificate())));
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    TokenServer tokens =
        new TokenServer(
            server, executor, ca.issueSigningCertificate("lade test token signer"), policy);
    server.createContext("/token", new TokenEndpoint(tokens));
    server.start();
    return tokens;
  }

  /** The token endpoint, as the registry's challenge names it. */
  public URI realm() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  /** The certificate of the key that signs tokens. */
  public IssuedCertificate signingCertificate() {
    return signingCertificate;
  }

  /** Writes the registry's {@code rootcertbundle}: the signing certificate. */
  public Path writeRootCertificateBundle(Path file) {
    return signingCertificate.writeCertificatePem(file);
  }

  public TokenPolicy policy() {
    return policy;
  }

  /** Replaces the policy for all later requests. */
  public void setPolicy(TokenPolicy newPolicy) {
    policy = Objects.requireNonNull(newPolicy, "newPolicy");
  }

  /** Every request answered so far, oldest first. */
  public List<TokenRequest> requests() {
    return List.copyOf(requests);
  }

  /** How many tokens were handed out so far. */
  public long issuedCount() {
    return requests.stream().filter(TokenRequest::succeeded).count();
  }

  /** Forgets the recorded requests (not the refresh tokens). */
  public void clearRequests() {
    requests.clear();
  }

  /**
   * Signs a token for {@code subject} granting exactly {@code access}, usable at the registry for
   * {@code lifetime} (which may be negative to make an already expired token).
   */
  public String issue(String subject, List<Scope> access, Duration lifetime) {
    Instant now = Instant.now();
    long usableUntil = ceilSeconds(now.plus(lifetime));
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", subject);
    claims.put("aud", SERVICE);
    claims.put("exp", usableUntil - REGISTRY_LEEWAY.toSeconds());
    claims.put("nbf", now.getEpochSecond());
    claims.put("iat", now.getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("access", access);
    return new TokenSigner(signingCertificate, policy.keyHeader()).sign(claims);
  }

  String newRefreshToken(String subject) {
    String token = UUID.randomUUID().toString();
    refreshTokens.put(token, subject);
    return token;
  }

  Optional<String> subjectOfRefreshToken(String token) {
    return Optional.ofNullable(refreshTokens.get(token));
  }

  void record(TokenRequest request) {
    requests.add(request);
  }

  private static long ceilSeconds(Instant instant) {
    return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
