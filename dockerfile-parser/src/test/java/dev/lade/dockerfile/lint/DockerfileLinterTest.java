package dev.lade.dockerfile.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.dockerfile.parser.DockerfileParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DockerfileLinterTest {

  @Test
  void everyRuleOfBuildKitsRulesetThatAStaticCheckCanRunIsRegistered() {
    Set<String> names = new HashSet<>();
    for (LintRule r : LintRules.ALL) {
      assertTrue(names.add(r.info().name()), r.info().name());
      assertTrue(r.info().url().startsWith("https://docs.docker.com/go/dockerfile/rule/"), r.info().url());
    }
    assertEquals(Set.of("StageNameCasing", "FromAsCasing", "NoEmptyContinuation", "ConsistentInstructionCasing",
        "DuplicateStageName", "ReservedStageName", "JSONArgsRecommended", "MaintainerDeprecated", "UndefinedArgInFrom",
        "WorkdirRelativePath", "UndefinedVar", "MultipleInstructionsDisallowed", "LegacyKeyValueFormat",
        "RedundantTargetPlatform", "SecretsUsedInArgOrEnv", "InvalidDefaultArgInFrom", "FromPlatformFlagConstDisallowed",
        "InvalidDefinitionDescription", "ExposeProtoCasing", "ExposeInvalidFormat"), names);
    assertEquals(List.of("InvalidDefinitionDescription"),
        LintRules.ALL.stream().filter(r -> r.info().experimental()).map(r -> r.info().name()).toList());
  }

  @Test
  void warningsAreOrderedByLine() {
    List<String> warnings = Lint.warnings("FROM alpine AS Build\nMAINTAINER me\nfrom build as final\n");
    assertEquals(List.of(
        "1: StageNameCasing - Stage name 'Build' should be lowercase",
        "2: MaintainerDeprecated - Maintainer instruction is deprecated in favor of using label",
        "3: ConsistentInstructionCasing - Command 'from' should match the case of the command majority (uppercase)"),
        warnings);
  }

  @Test
  void aSyntaxErrorGivesNoWarningsAndALocatedError() {
    LintReport report = Lint.report("FROM alpine\nRUN --mount=type=cahce,target=/x true\n");
    DockerfileParseException e = report.error().orElseThrow();
    assertEquals(2, e.line());
    assertTrue(e.column() > 0);
    assertTrue(e.reason().startsWith("unsupported mount type"), e.reason());
  }

  @Test
  void anEvaluationErrorKeepsTheWarningsBeforeIt() {
    LintReport report = Lint.report("FROM alpine as base\nCOPY $nope /\n  USER ${U:?U must be set}\n");
    DockerfileParseException e = report.error().orElseThrow();
    assertEquals(3, e.line());
    assertEquals(3, e.column());
    assertEquals(List.of(
        "1: FromAsCasing - 'as' and 'FROM' keywords' casing do not match",
        "2: UndefinedVar - Usage of undefined variable '$nope'"), Lint.format(report));
  }

  @Test
  void aCleanDockerfileHasNoWarnings() {
    LintReport report = Lint.report("# syntax=docker/dockerfile:1\nARG ALPINE=3.20\nFROM alpine:${ALPINE} AS base\n"
        + "WORKDIR /src\nCOPY . .\nRUN make\nFROM scratch\nCOPY --from=base /src/app /app\nENTRYPOINT [\"/app\"]\n");
    assertEquals(List.of(), Lint.format(report));
    assertTrue(report.error().isEmpty());
  }
}
