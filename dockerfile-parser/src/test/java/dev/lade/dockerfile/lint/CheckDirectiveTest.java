package dev.lade.dockerfile.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code # check=} directive, as the "Checking your build configuration" guide shows it. */
class CheckDirectiveTest {
  private static final String TWO_PROBLEMS = "FROM alpine as builder\nCMD echo hi\n";

  @Test
  void withoutDirectiveEveryStableRuleRuns() {
    assertEquals(List.of(
        "1: FromAsCasing - 'as' and 'FROM' keywords' casing do not match",
        "2: JSONArgsRecommended - JSON arguments recommended for CMD to prevent unintended behavior related to OS signals"),
        Lint.warnings(TWO_PROBLEMS));
  }

  @Test
  void skipNamesRules() {
    assertEquals(List.of("3: JSONArgsRecommended - JSON arguments recommended for CMD to prevent unintended behavior related to OS signals"),
        Lint.warnings("# check=skip=FromAsCasing\n" + TWO_PROBLEMS));
    assertEquals(List.of(), Lint.warnings("# check=skip=JSONArgsRecommended,FromAsCasing\n" + TWO_PROBLEMS));
  }

  @Test
  void skipAllSkipsEveryStableRule() {
    assertEquals(List.of(), Lint.warnings("# check=skip=all\n" + TWO_PROBLEMS));
  }

  @Test
  void errorTrueFailsOnWarnings() {
    LintReport report = Lint.report("# check=error=true\n" + TWO_PROBLEMS);
    assertTrue(report.failedOnWarnings());
    assertEquals("lint violation found for rules: FromAsCasing, JSONArgsRecommended", report.violationMessage());
    assertFalse(Lint.report("# check=error=true\nFROM alpine\n").failedOnWarnings());
    assertFalse(Lint.report(TWO_PROBLEMS).failedOnWarnings());
  }

  @Test
  void skipAndErrorCombine() {
    LintReport report = Lint.report("# check=skip=JSONArgsRecommended;error=true\n" + TWO_PROBLEMS);
    assertEquals(1, report.warnings().size());
    assertTrue(report.failedOnWarnings());
  }

  @Test
  void failOnWarningsOptionActsLikeErrorTrue() {
    LintReport report = DockerfileLinter.lint(TWO_PROBLEMS.getBytes(StandardCharsets.UTF_8),
        LintOptions.defaults().withFailOnWarnings(true));
    assertTrue(report.failedOnWarnings());
  }

  @Test
  void aCheckCommentAboveAnInstructionSkipsRulesForItOnly() {
    String df = "FROM alpine\n# check=skip=JSONArgsRecommended\nCMD echo a\nFROM alpine\nCMD echo b\n";
    assertEquals(List.of(
        "5: JSONArgsRecommended - JSON arguments recommended for CMD to prevent unintended behavior related to OS signals"),
        Lint.warnings(df));
  }

  @Test
  void aMalformedDirectiveIsAnError() {
    LintReport report = Lint.report("# check=skip\nFROM alpine\n");
    assertEquals("failed to parse check options: invalid check option \"skip\"", report.error().orElseThrow().reason());
    assertEquals(1, report.error().get().line());
  }
}
