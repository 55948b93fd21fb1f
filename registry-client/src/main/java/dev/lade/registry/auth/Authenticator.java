package dev.lade.registry.auth;

import dev.lade.registry.transport.Transport;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Authorizes requests to one registry, thread-safe. It learns how from the registry's challenges:
 * Basic sends the credential; Bearer gets tokens from the token server, cached per set of scopes,
 * reused until shortly before they expire, renewed by refresh token when the server handed one
 * out (OAuth2), else by the {@code GET} flow.
 */
public final class Authenticator {
  private final Credential credential;
  private final TokenFetcher fetcher;
  private final Clock clock;
  private final Map<List<Scope>, Token> tokens = new ConcurrentHashMap<>();
  private final Map<List<Scope>, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final AtomicBoolean oauthUnsupported = new AtomicBoolean();
  private volatile Challenge challenge;
  private volatile String refreshToken;

  /**
   * @param registry the registry host, for messages
   * @param http makes requests to the token server (with the registry's TLS settings, as Docker)
   */
  public Authenticator(String registry, Credential credential, Transport http, Clock clock) {
    this.credential = credential;
    this.fetcher = new TokenFetcher(registry, http, clock);
    this.clock = clock;
    if (credential instanceof Credential.IdentityToken identity) refreshToken = identity.token();
  }

  /**
   * The {@code Authorization} header for a request needing {@code scopes}, once the registry's
   * challenge is known; empty before that, or when there is nothing to send.
   */
  public Optional<String> authorization(Collection<Scope> scopes) throws IOException {
    Challenge known = challenge;
    if (known == null) return Optional.empty();
    if (known.isBasic()) {
      return credential instanceof Credential.UsernamePassword user
          ? Optional.of(user.basicAuthorization()) : Optional.empty();
    }
    return Optional.of("Bearer " + token(known, Scopes.normalize(scopes)).value());
  }

  /**
   * Takes in the challenges of a 401 answer to a request needing {@code scopes}, sent with or
   * without an {@code Authorization} header ({@code sentAuthorization}); returns whether retrying
   * with fresh authorization may succeed. A refused token is dropped from the cache.
   */
  public boolean unauthorized(List<Challenge> challenges, Collection<Scope> scopes, boolean sentAuthorization) {
    Challenge bearer = challenges.stream().filter(Challenge::isBearer).findFirst().orElse(null);
    Challenge basic = challenges.stream().filter(Challenge::isBasic).findFirst().orElse(null);
    if (bearer != null) {
      challenge = bearer;
      tokens.remove(Scopes.normalize(scopes));
      return true;
    }
    if (basic != null) {
      challenge = basic;
      // Requests sent before the challenge was known (in parallel, several) went without the
      // password and may retry with it; a request refused with the password was refused it.
      return !sentAuthorization && credential instanceof Credential.UsernamePassword;
    }
    return false;
  }

  /** The scopes a challenge itself asks for, used when a request names none (such as a ping). */
  public static List<Scope> challengedScopes(List<Challenge> challenges) {
    return challenges.stream()
        .filter(Challenge::isBearer)
        .flatMap(c -> c.parameter("scope").stream())
        .flatMap(s -> List.of(s.split(" ")).stream())
        .filter(s -> !s.isBlank())
        .map(Scope::parse)
        .toList();
  }

  private Token token(Challenge bearer, List<Scope> scopes) throws IOException {
    Token cached = tokens.get(scopes);
    if (cached != null && !cached.needsRenewal(clock.instant())) return cached;
    ReentrantLock lock = locks.computeIfAbsent(scopes, k -> new ReentrantLock());
    lock.lock();
    try {
      cached = tokens.get(scopes);
      if (cached != null && !cached.needsRenewal(clock.instant())) return cached;
      Token fresh = fetch(bearer, scopes);
      if (fresh.refreshToken() != null) refreshToken = fresh.refreshToken();
      tokens.put(scopes, fresh);
      return fresh;
    } finally {
      lock.unlock();
    }
  }

  private Token fetch(Challenge bearer, List<Scope> scopes) throws IOException {
    String refresh = refreshToken;
    if (refresh != null && !oauthUnsupported.get()) {
      Token token = fetcher.post(bearer, scopes, Map.of("grant_type", "refresh_token", "refresh_token", refresh));
      if (token != null) return token;
      oauthUnsupported.set(true);
    }
    if (credential instanceof Credential.UsernamePassword user) {
      if (!oauthUnsupported.get()) {
        Token token = fetcher.post(bearer, scopes, Map.of(
            "grant_type", "password", "username", user.username(), "password", user.password(),
            "access_type", "offline"));
        if (token != null) return token;
        // As Docker: a token server without OAuth2 answers 404 or 405, and GET is the way.
        oauthUnsupported.set(true);
      }
      return fetcher.get(bearer, scopes, user.basicAuthorization());
    }
    return fetcher.get(bearer, scopes, null);
  }
}
