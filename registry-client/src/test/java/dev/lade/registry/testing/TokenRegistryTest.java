package dev.lade.registry.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenRegistryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Credentials ALICE = new Credentials("alice", "alice-secret");
  private static final byte[] CONTENT = "token auth blob".getBytes(StandardCharsets.UTF_8);

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.tlsToken(TokenPolicy.pushPull(ALICE));

  @AutoClose private final RegistryHttp http = RegistryHttp.to(registry.registry());
  private TokenServer tokens;

  @BeforeEach
  void resetTokenServer() {
    tokens = registry.registry().tokenServer();
    tokens.setPolicy(TokenPolicy.pushPull(ALICE));
    tokens.clearRequests();
  }

  @Test
  void challengesAnonymousRequestsTowardsTheTokenServer() throws Exception {
    HttpResponse<byte[]> response = http.get("/v2/lade/app/tags/list");

    assertEquals(401, response.statusCode());
    assertEquals(
        "Bearer realm=\""
            + tokens.realm()
            + "\",service=\"lade-test-registry\","
            + "scope=\"repository:lade/app:pull\"",
        response.headers().firstValue("WWW-Authenticate").orElseThrow());
  }

  @Test
  void acceptsTokensFromTheGetFlowForPushAndPull() throws Exception {
    String token = getToken(ALICE, "repository:lade/app:pull,push").get("token").asText();

    String digest = bearer(token).pushBlob("lade/app", CONTENT);

    assertArrayEquals(CONTENT, bearer(token).get("/v2/lade/app/blobs/" + digest).body());
    assertEquals(
        List.of(
            new TokenRequest(
                "GET", "", "alice", List.of(Scope.parse("repository:lade/app:pull,push")), 200)),
        tokens.requests());
    assertTrue(
        joseHeader(token).get("kid").asText().matches("([A-Z2-7]{4}:){11}[A-Z2-7]{4}"),
        () -> joseHeader(token).toString());
  }

  @Test
  void acceptsTokensNamingTheirKeyByCertificateChain() throws Exception {
    tokens.setPolicy(TokenPolicy.pushPull(ALICE).withKeyHeader(SigningKeyHeader.X5C));
    String token = getToken(ALICE, "repository:lade/x5c:pull,push").get("token").asText();

    String digest = bearer(token).pushBlob("lade/x5c", CONTENT);

    assertEquals(200, bearer(token).get("/v2/lade/x5c/blobs/" + digest).statusCode());
    assertTrue(joseHeader(token).has("x5c"));
  }

  @Test
  void refusesATokenForAnotherRepository() throws Exception {
    String token = getToken(ALICE, "repository:lade/other:pull,push").get("token").asText();

    HttpResponse<byte[]> response = bearer(token).get("/v2/lade/app/tags/list");

    assertRefused("insufficient_scope", response);
  }

  @Test
  void refusesATokenWhoseSignatureDoesNotMatch() throws Exception {
    String token = getToken(ALICE, "repository:lade/app:pull").get("token").asText();
    String[] parts = token.split("\\.");
    String otherClaims =
        getToken(ALICE, "repository:lade/other:pull").get("token").asText().split("\\.")[1];

    HttpResponse<byte[]> response =
        bearer(parts[0] + "." + otherClaims + "." + parts[2]).get("/v2/");

    assertRefused("invalid_token", response);
  }

  @Test
  void grantsAnonymousPullOnlyWhereThePolicyAllowsIt() throws Exception {
    tokens.setPolicy(TokenPolicy.pushPull(ALICE).allowAnonymous("public/.*", "pull"));
    String push = getToken(ALICE, "repository:public/app:pull,push").get("token").asText();
    String digest = bearer(push).pushBlob("public/app", CONTENT);

    JsonNode publicToken = getToken(null, "repository:public/app:pull,push");
    JsonNode privateToken = getToken(null, "repository:lade/app:pull");

    assertEquals("repository:public/app:pull", publicToken.get("scope").asText());
    assertEquals(
        200,
        bearer(publicToken.get("token").asText())
            .get("/v2/public/app/blobs/" + digest)
            .statusCode());
    assertEquals(
        401, bearer(privateToken.get("token").asText()).get("/v2/lade/app/tags/list").statusCode());
    assertEquals(TokenPolicy.ANONYMOUS, tokens.requests().get(1).subject());
  }

  @Test
  void refusesAWrongPasswordAtTheTokenServer() throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            tokenRequest(new Credentials("alice", "wrong"), "repository:lade/app:pull").build());

    assertEquals(401, response.statusCode());
    assertEquals(0, tokens.issuedCount());
    assertEquals(1, tokens.requests().size());
  }

  @Test
  void servesTheOAuth2FlowWithRefreshTokens() throws Exception {
    JsonNode first =
        postToken(
            "grant_type=password&username=alice&password=alice-secret&access_type=offline"
                + "&client_id=lade&service=lade-test-registry&scope=repository:lade/oauth:pull,push");
    String refreshToken = first.get("refresh_token").asText();
    String digest = bearer(first.get("access_token").asText()).pushBlob("lade/oauth", CONTENT);

    JsonNode refreshed =
        postToken(
            "grant_type=refresh_token&refresh_token="
                + refreshToken
                + "&client_id=lade&service=lade-test-registry&scope=repository:lade/oauth:pull");

    assertEquals("repository:lade/oauth:pull", refreshed.get("scope").asText());
    assertEquals(
        200,
        bearer(refreshed.get("access_token").asText())
            .get("/v2/lade/oauth/blobs/" + digest)
            .statusCode());
    assertEquals(
        List.of("password", "refresh_token"),
        tokens.requests().stream().map(TokenRequest::grantType).toList());
  }

  @Test
  void answersOAuth2With404WhenSwitchedOff() throws Exception {
    tokens.setPolicy(TokenPolicy.pushPull(ALICE).withOAuthPost(false));

    HttpResponse<byte[]> response =
        http.send(
            postRequest(
                "grant_type=password&username=alice&password=alice-secret&client_id=lade"
                    + "&service=lade-test-registry"));

    assertEquals(404, response.statusCode());
  }

  @Test
  void refusesATokenOnceItsLifetimeIsOver() throws Exception {
    tokens.setPolicy(TokenPolicy.pushPull(ALICE).withLifetime(Duration.ofSeconds(1)));
    JsonNode answer = getToken(ALICE, "repository:lade/app:pull");
    String token = answer.get("token").asText();
    assertEquals(1, answer.get("expires_in").asInt());
    assertEquals(200, bearer(token).get("/v2/").statusCode());

    // The registry's leeway of 60 s is already taken off exp, so this is when it stops accepting.
    Instant end =
        Instant.ofEpochSecond(claims(token).get("exp").asLong()).plus(TokenServer.REGISTRY_LEEWAY);
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), end).toMillis()) + 100);
    HttpResponse<byte[]> expired = bearer(token).get("/v2/");

    assertRefused("invalid_token", expired);
    assertFalse(Instant.now().isAfter(end.plusSeconds(2)), "token lived too long");
  }

  /** A 401 whose Bearer challenge carries {@code error}, as distribution answers bad tokens. */
  private static void assertRefused(String error, HttpResponse<byte[]> response) {
    assertEquals(401, response.statusCode());
    String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertTrue(challenge.contains("error=\"" + error + "\""), challenge);
  }

  private JsonNode getToken(Credentials user, String... scopes) throws Exception {
    HttpResponse<byte[]> response = http.send(tokenRequest(user, scopes).build());
    RegistryHttp.expect(200, response);
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder tokenRequest(Credentials user, String... scopes) {
    String query =
        "service="
            + TokenServer.SERVICE
            + List.of(scopes).stream()
                .map(s -> "&scope=" + URLEncoder.encode(s, StandardCharsets.UTF_8))
                .collect(Collectors.joining());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tokens.realm() + "?" + query));
    if (user != null) {
      request.header("Authorization", user.basicAuthorization());
    }
    return request;
  }

  private JsonNode postToken(String form) throws Exception {
    HttpResponse<byte[]> response = http.send(postRequest(form));
    RegistryHttp.expect(200, response);
    return JSON.readTree(response.body());
  }

  private HttpRequest postRequest(String form) {
    return HttpRequest.newBuilder(tokens.realm())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private RegistryHttp bearer(String token) {
    return http.withAuthorization("Bearer " + token);
  }

  private static JsonNode joseHeader(String token) {
    return jwtPart(token, 0);
  }

  private static JsonNode claims(String token) {
    return jwtPart(token, 1);
  }

  private static JsonNode jwtPart(String token, int index) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
