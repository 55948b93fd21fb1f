package dev.lade.runner.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContainerNamesTest {

  @Test
  void validNamesLoseDockersLeadingSlash() throws ContainerException {
    assertEquals("web-1.a_b", ContainerNames.validate("web-1.a_b"));
    assertEquals("web", ContainerNames.validate("/web"));
  }

  @Test
  void invalidNamesAreRefusedAsDockerRefusesThem() {
    for (String bad : new String[] {"a", "-web", "we b", "web/1", ""}) {
      ContainerException e = assertThrows(ContainerException.class, () -> ContainerNames.validate(bad));
      assertEquals("Invalid container name (" + bad + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed",
          e.getMessage());
    }
  }

  @Test
  void generatedNamesAreAdjectiveUnderscoreSurnameAndValid() throws ContainerException {
    for (int i = 0; i < 200; i++) {
      String name = ContainerNames.random(0);
      assertTrue(name.matches("[a-z]+_[a-z]+"), name);
      assertNotEquals("boring_wozniak", name);
      assertEquals(name, ContainerNames.validate(name));
      assertTrue(ContainerNames.random(1).matches("[a-z]+_[a-z]+[0-9]"));
    }
  }

  @Test
  void idsAre64HexWith12CharacterShortForms() {
    String id = ContainerId.random();
    assertTrue(ContainerId.isFullId(id), id);
    assertEquals(id.substring(0, 12), ContainerId.shortId(id));
    assertNotEquals(id, ContainerId.random());
  }
}
