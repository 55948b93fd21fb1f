package dev.lade.registry.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengesTest {

  @Test
  void parsesDockerHubsBearerChallenge() {
    // From distribution's docs/spec/auth/token.md.
    List<Challenge> challenges = Challenges.parse(
        "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
            + "scope=\"repository:samalba/my-app:pull,push\"");

    assertEquals(List.of(new Challenge("bearer", Map.of(
        "realm", "https://auth.docker.io/token",
        "service", "registry.docker.io",
        "scope", "repository:samalba/my-app:pull,push"))), challenges);
    assertEquals(List.of(Scope.repository("samalba/my-app", "pull", "push")),
        Authenticator.challengedScopes(challenges));
  }

  @Test
  void parsesSeveralChallengesAndHeaders() {
    List<Challenge> challenges = Challenges.parse(List.of(
        "Basic realm=\"Registry Realm\", Bearer realm=\"https://a/token\" , error=invalid_token",
        "Negotiate"));

    assertEquals(List.of("basic", "bearer", "negotiate"), challenges.stream().map(Challenge::scheme).toList());
    assertEquals("Registry Realm", challenges.get(0).realm().orElseThrow());
    assertEquals("invalid_token", challenges.get(1).error().orElseThrow());
    assertEquals(Map.of(), challenges.get(2).parameters());
  }

  @Test
  void unescapesQuotedStringsAndIgnoresCaseOfNames() {
    Challenge challenge = Challenges.parse("BEARER Realm=\"a \\\"quoted\\\" realm\"").get(0);

    assertEquals("bearer", challenge.scheme());
    assertEquals("a \"quoted\" realm", challenge.realm().orElseThrow());
  }

  @Test
  void emptyHeaderHasNoChallenges() {
    assertEquals(List.of(), Challenges.parse(""));
    assertEquals(List.of(), Challenges.parse((String) null));
  }

  @Test
  void normalizesScopesSoEqualNeedsShareATokenCacheKey() {
    List<Scope> a = Scopes.normalize(List.of(Scope.push("lade/b"), Scope.pull("lade/a"), Scope.pull("lade/b")));
    List<Scope> b = Scopes.normalize(List.of(Scope.pull("lade/a"), Scope.repository("lade/b", "push", "pull")));

    assertEquals(a, b);
    assertEquals("[repository:lade/a:pull, repository:lade/b:pull,push]", a.toString());
    assertEquals(Scope.parse("repository:localhost:5000/x:pull"), new Scope("repository", "localhost:5000/x", List.of("pull")));
  }
}
