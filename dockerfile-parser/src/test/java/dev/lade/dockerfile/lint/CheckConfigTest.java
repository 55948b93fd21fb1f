package dev.lade.dockerfile.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckConfigTest {
  private static final RuleInfo STABLE = RuleInfo.stable("JSONArgsRecommended", "json-args-recommended", "d");
  private static final RuleInfo OTHER = RuleInfo.stable("StageNameCasing", "stage-name-casing", "d");
  private static final RuleInfo EXPERIMENT =
      RuleInfo.experimental("InvalidDefinitionDescription", "invalid-definition-description", "d");

  @Test
  void skipsNamedRulesAndFailsOnError() {
    CheckConfig c = CheckConfig.parse("skip=JSONArgsRecommended, FromAsCasing;error=true");
    assertEquals(Set.of("JSONArgsRecommended", "FromAsCasing"), c.skip());
    assertTrue(c.error());
    assertFalse(c.enabled(STABLE));
    assertTrue(c.enabled(OTHER));
  }

  @Test
  void skipAllLeavesExperimentsToTheirOwnSwitch() {
    CheckConfig c = CheckConfig.parse("skip=all;experimental=InvalidDefinitionDescription");
    assertFalse(c.enabled(STABLE));
    assertTrue(c.enabled(EXPERIMENT));
    assertFalse(CheckConfig.DEFAULT.enabled(EXPERIMENT));
  }

  @Test
  void rejectsUnknownOptionsWithBuildKitsMessage() {
    assertEquals("invalid check option \"skipp\"",
        assertThrows(IllegalArgumentException.class, () -> CheckConfig.parse("skipp=all")).getMessage());
    assertEquals("invalid check option \"error\"",
        assertThrows(IllegalArgumentException.class, () -> CheckConfig.parse("error")).getMessage());
    assertEquals("failed to parse check option \"error=yes\": strconv.ParseBool: parsing \"yes\": invalid syntax",
        assertThrows(IllegalArgumentException.class, () -> CheckConfig.parse("error=yes")).getMessage());
  }

  @Test
  void mergeAddsSkipsButKeepsTheFilesErrorSetting() {
    CheckConfig merged = CheckConfig.parse("error=true").merge(CheckConfig.parse("skip=StageNameCasing"));
    assertFalse(merged.enabled(OTHER));
    assertTrue(merged.error());
  }
}
