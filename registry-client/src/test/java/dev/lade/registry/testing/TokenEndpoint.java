package dev.lade.registry.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of {@link TokenServer}: Docker's {@code GET} token flow with optional Basic
 * credentials, and the OAuth2 {@code POST} form flow with the {@code password} and {@code
 * refresh_token} grants (see distribution's docs/spec/auth/token.md and oauth.md).
 */
final class TokenEndpoint implements HttpHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TokenServer tokens;

  TokenEndpoint(TokenServer tokens) {
    this.tokens = tokens;
  }

  /** The answer to one request, and what to record about it. */
  private record Answer(
      int status, Map<String, Object> body, String grantType, String subject, List<Scope> scopes) {
    static Answer refused(int status, String error, String grantType, List<Scope> scopes) {
      return new Answer(status, Map.of("error", error), grantType, "", scopes);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Answer answer;
      try {
        answer =
            switch (exchange.getRequestMethod()) {
              case "GET" -> get(exchange);
              case "POST" -> post(exchange);
              default -> Answer.refused(405, "method not allowed", "", List.of());
            };
      } catch (IllegalArgumentException malformed) { // a scope or parameter we cannot parse
        answer = Answer.refused(400, "invalid_request: " + malformed.getMessage(), "", List.of());
      }
      tokens.record(
          new TokenRequest(
              exchange.getRequestMethod(),
              answer.grantType(),
              answer.subject(),
              answer.scopes(),
              answer.status()));
      byte[] body = JSON.writeValueAsBytes(answer.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private Answer get(HttpExchange exchange) {
    Map<String, List<String>> query = parseForm(exchange.getRequestURI().getRawQuery());
    List<Scope> scopes = scopes(query);
    if (!TokenServer.SERVICE.equals(first(query, "service"))) {
      return Answer.refused(400, "unknown service", "", scopes);
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String subject = TokenPolicy.ANONYMOUS;
    if (authorization != null) {
      Optional<Credentials> user =
          basicCredentials(authorization).filter(tokens.policy()::authenticates);
      if (user.isEmpty()) {
        return Answer.refused(401, "incorrect username or password", "", scopes);
      }
      subject = user.get().username();
    }
    Map<String, Object> body = issue(subject, scopes);
    body.put("token", body.get("access_token"));
    if ("true".equals(first(query, "offline_token")) && authorization != null) {
      body.put("refresh_token", tokens.newRefreshToken(subject));
    }
    return new Answer(200, body, "", subject, scopes);
  }

  private Answer post(HttpExchange exchange) throws IOException {
    Map<String, List<String>> form =
        parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String grantType = first(form, "grant_type");
    List<Scope> scopes = scopes(form);
    TokenPolicy policy = tokens.policy();
    if (!policy.oauthPost()) {
      return Answer.refused(404, "not found", grantType, scopes);
    }
    if (first(form, "client_id").isEmpty()) {
      return Answer.refused(400, "invalid_request", grantType, scopes);
    }
    if (!TokenServer.SERVICE.equals(first(form, "service"))) {
      return Answer.refused(400, "invalid_request", grantType, scopes);
    }
    Optional<String> subject;
    String refreshToken = null;
    switch (grantType) {
      case "password" -> {
        subject =
            credentials(first(form, "username"), first(form, "password"))
                .filter(policy::authenticates)
                .map(Credentials::username);
        if (subject.isPresent() && "offline".equals(first(form, "access_type"))) {
          refreshToken = tokens.newRefreshToken(subject.get());
        }
      }
      case "refresh_token" -> {
        refreshToken = first(form, "refresh_token");
        subject = tokens.subjectOfRefreshToken(refreshToken);
      }
      default -> {
        return Answer.refused(400, "unsupported_grant_type", grantType, scopes);
      }
    }
    if (subject.isEmpty()) {
      return Answer.refused(401, "invalid_grant", grantType, scopes);
    }
    Map<String, Object> body = issue(subject.get(), scopes);
    if (refreshToken != null) {
      body.put("refresh_token", refreshToken);
    }
    return new Answer(200, body, grantType, subject.get(), scopes);
  }

  private Map<String, Object> issue(String subject, List<Scope> requested) {
    TokenPolicy policy = tokens.policy();
    List<Scope> granted =
        requested.stream()
            .map(scope -> policy.grant(subject, scope))
            .filter(scope -> !scope.actions().isEmpty())
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", tokens.issue(subject, granted, policy.lifetime()));
    body.put("expires_in", policy.lifetime().toSeconds());
    body.put("issued_at", Instant.now().toString());
    body.put("scope", String.join(" ", granted.stream().map(Scope::toString).toList()));
    return body;
  }

  /** Scopes from every {@code scope} parameter; the OAuth2 form joins several with spaces. */
  private static List<Scope> scopes(Map<String, List<String>> parameters) {
    List<Scope> scopes = new ArrayList<>();
    for (String value : parameters.getOrDefault("scope", List.of())) {
      Arrays.stream(value.split(" "))
          .filter(s -> !s.isBlank())
          .map(Scope::parse)
          .forEach(scopes::add);
    }
    return scopes;
  }

  /** The credentials of a Basic {@code Authorization} header; empty when it is malformed. */
  private static Optional<Credentials> basicCredentials(String authorization) {
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String pair;
    try {
      pair =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = pair.indexOf(':');
    return colon < 0
        ? Optional.empty()
        : credentials(pair.substring(0, colon), pair.substring(colon + 1));
  }

  private static Optional<Credentials> credentials(String username, String password) {
    return username.isEmpty() || username.contains(":")
        ? Optional.empty()
        : Optional.of(new Credentials(username, password));
  }

  private static String first(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  static Map<String, List<String>> parseForm(String encoded) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return parameters;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      parameters
          .computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }
}
