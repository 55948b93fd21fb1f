package dev.lade.registry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void parsesTheScopeFromDockersTokenDocumentation() {
    Scope scope = Scope.parse("repository:samalba/my-app:pull,push");

    assertEquals(new Scope("repository", "samalba/my-app", List.of("pull", "push")), scope);
    assertEquals("repository:samalba/my-app:pull,push", scope.toString());
  }

  @Test
  void keepsAPortInsideTheName() {
    assertEquals(
        Scope.repository("localhost:5000/app", "pull"),
        Scope.parse("repository:localhost:5000/app:pull"));
  }

  @Test
  void rejectsTextWithoutActions() {
    assertThrows(IllegalArgumentException.class, () -> Scope.parse("repository:app"));
  }

  @Test
  void grantsOnlyWhatThePolicyAllows() {
    Credentials bob = new Credentials("bob", "pw");
    TokenPolicy policy =
        TokenPolicy.empty()
            .withUser(bob)
            .allow("bob", "team/.*", "pull")
            .allowAnonymous("public/.*", "*");

    assertEquals(
        List.of("pull"),
        policy.grant("bob", Scope.parse("repository:team/app:pull,push")).actions());
    assertEquals(
        List.of(), policy.grant("bob", Scope.parse("repository:other/app:pull")).actions());
    assertEquals(
        List.of("pull", "push"),
        policy.grant("bob", Scope.parse("repository:public/app:pull,push")).actions());
    assertEquals(
        List.of(),
        policy.grant(TokenPolicy.ANONYMOUS, Scope.parse("repository:team/app:pull")).actions());
  }
}
