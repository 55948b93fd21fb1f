package dev.lade.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import dev.lade.registry.transport.Redirects;
import dev.lade.registry.transport.RequestBody;
import dev.lade.registry.transport.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gets bearer tokens from a token server, by Docker's {@code GET} flow (distribution's
 * docs/spec/auth/token.md) or the OAuth2 {@code POST} form flow (oauth.md).
 */
final class TokenFetcher {
  static final String CLIENT_ID = "lade";
  // The spec's default, and Docker's floor, for tokens without (or with a tiny) expires_in.
  private static final Duration MINIMUM_LIFETIME = Duration.ofSeconds(60);
  private static final int MAX_RESPONSE = 1 << 20;

  // Twenty seconds to connect and to wait for an answer, as token requests always had.
  private static final int TIMEOUT_MILLIS = 20_000;

  private final String registry;
  private final Transport http;
  private final Clock clock;

  TokenFetcher(String registry, Transport http, Clock clock) {
    this.registry = registry;
    this.http = http;
    this.clock = clock;
  }

  /** The OAuth2 answer to a form, or null if the server does not serve POST (404, 405). */
  Token post(Challenge challenge, List<Scope> scopes, Map<String, String> grant) throws IOException {
    Map<String, String> form = new LinkedHashMap<>(grant);
    form.put("service", challenge.parameter("service").orElse(""));
    form.put("client_id", CLIENT_ID);
    if (!scopes.isEmpty()) form.put("scope", scopeList(scopes, " "));
    Redirects.Hop hop = (method, url, withBody) -> {
      LowLevelHttpRequest request = request(method, url);
      if (withBody) RequestBody.form(form).attachTo(request);
      return request;
    };
    return send("POST", URI.create(realm(challenge)), hop, challenge, scopes, true);
  }

  /** Docker's GET flow, anonymous when {@code basicAuthorization} is null. */
  Token get(Challenge challenge, List<Scope> scopes, String basicAuthorization) throws IOException {
    List<Map.Entry<String, String>> query = new ArrayList<>();
    challenge.parameter("service").ifPresent(s -> query.add(Map.entry("service", s)));
    for (Scope scope : scopes) query.add(Map.entry("scope", scope.toString()));
    if (basicAuthorization != null) {
      query.add(Map.entry("offline_token", "true"));
      query.add(Map.entry("client_id", CLIENT_ID));
    }
    String realm = realm(challenge);
    String separator = query.isEmpty() ? "" : URI.create(realm).getRawQuery() == null ? "?" : "&";
    URI start = URI.create(realm + separator + RequestBody.urlEncoded(query));
    Redirects.Hop hop = (method, url, withBody) -> {
      LowLevelHttpRequest request = request(method, url);
      // The password goes only where the registry sent us, not where that server sends us on.
      if (basicAuthorization != null && Redirects.sameOrigin(url, start)) {
        request.addHeader("Authorization", basicAuthorization);
      }
      return request;
    };
    return send("GET", start, hop, challenge, scopes, false);
  }

  // The form holds the password or refresh token, and the answer the token: nothing here is logged.
  private LowLevelHttpRequest request(String method, URI url) throws IOException {
    LowLevelHttpRequest request = http.request(method, url);
    request.setTimeout(TIMEOUT_MILLIS, TIMEOUT_MILLIS);
    request.addHeader("Accept", "application/json");
    return request;
  }

  // A realm may redirect (Docker's client follows it, as Go's net/http does).
  private Token send(String method, URI url, Redirects.Hop hop, Challenge challenge, List<Scope> scopes, boolean oauth)
      throws IOException {
    Instant sent = clock.instant();
    LowLevelHttpResponse response = Redirects.follow(method, url, hop).response();
    try (InputStream body = response.getContent()) {
      byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_RESPONSE);
      int status = response.getStatusCode();
      if (oauth && (status == 404 || status == 405)) return null;
      if (status != 200) {
        throw new AuthenticationException(registry, operation(challenge, scopes), status, reason(status, bytes));
      }
      return parse(bytes, sent, challenge, scopes);
    } finally {
      response.disconnect();
    }
  }

  private Token parse(byte[] bytes, Instant sent, Challenge challenge, List<Scope> scopes) throws IOException {
    JsonNode root;
    try {
      root = AuthJson.MAPPER.readTree(bytes);
    } catch (IOException e) {
      root = null;
    }
    String token = root == null ? "" : root.path("access_token").asText(root.path("token").asText(""));
    if (token.isEmpty()) {
      throw new AuthenticationException(registry, operation(challenge, scopes), 200, "the token server sent no token");
    }
    Duration lifetime = Duration.ofSeconds(root.path("expires_in").asLong(0));
    if (lifetime.compareTo(MINIMUM_LIFETIME) < 0 && !root.has("expires_in")) lifetime = MINIMUM_LIFETIME;
    String refresh = root.path("refresh_token").asText("");
    return new Token(token, sent, sent.plus(lifetime), refresh.isEmpty() ? null : refresh);
  }

  private String operation(Challenge challenge, List<Scope> scopes) {
    String realm = challenge.realm().map(r -> URI.create(r).getAuthority()).orElse("?");
    return "authenticate at " + realm + (scopes.isEmpty() ? "" : " for " + scopeList(scopes, " "));
  }

  private String realm(Challenge challenge) throws AuthenticationException {
    String realm = challenge.realm().orElse("");
    if (!realm.startsWith("https://") && !realm.startsWith("http://")) {
      throw new AuthenticationException(registry, "authenticate", 401, "bearer challenge without a usable realm");
    }
    return realm;
  }

  /** The token server's {@code error} (OAuth2) or {@code details} (Docker Hub), never the request. */
  private static String reason(int status, byte[] bytes) {
    String reason = "HTTP " + status;
    try {
      JsonNode root = AuthJson.MAPPER.readTree(bytes);
      String detail = root == null ? "" : root.path("error").asText(root.path("details").asText(""));
      if (!detail.isBlank()) reason += ": " + detail.lines().findFirst().orElse("");
    } catch (IOException notJson) {
      // the status says enough
    }
    return reason;
  }

  private static String scopeList(List<Scope> scopes, String separator) {
    return scopes.stream().map(Scope::toString).collect(Collectors.joining(separator));
  }
}
