package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckCommandTest {
  private static final String CASING = CliRun.repoPath("testdata/dockerfiles/lint-casing/Dockerfile").toString();
  private static final String VARIABLES = CliRun.repoPath("testdata/dockerfiles/lint-variables/Dockerfile").toString();
  private static final String STRICT = CliRun.repoPath("testdata/dockerfiles/lint-strict/Dockerfile").toString();
  private static final String HELLO = CliRun.repoPath("testdata/dockerfiles/hello/Dockerfile").toString();

  @Test
  void printsOneLocatedWarningPerLineThenASummaryAndExitsZero() {
    CliRun run = CliRun.of("check", "-f", CASING);
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(CASING + ":2: StageNameCasing - Stage name 'Builder' should be lowercase "
        + "[https://docs.docker.com/go/dockerfile/rule/stage-name-casing/]", lines.get(0));
    assertEquals(List.of("StageNameCasing", "FromAsCasing", "MaintainerDeprecated", "ConsistentInstructionCasing",
        "ReservedStageName", "ExposeProtoCasing", "JSONArgsRecommended"), rules(lines));
    assertEquals("Check complete, 7 warnings have been found!", lines.get(lines.size() - 1));
    assertEquals("", run.err());
  }

  @Test
  void variableChecksUseTheEvaluatedDockerfile() {
    List<String> lines = CliRun.of("check", "-f", VARIABLES).out().lines().toList();
    assertEquals(List.of("WorkdirRelativePath", "UndefinedVar", "SecretsUsedInArgOrEnv", "InvalidDefaultArgInFrom",
        "UndefinedArgInFrom", "RedundantTargetPlatform", "ExposeInvalidFormat"), rules(lines));
    assertTrue(lines.get(1).contains("Usage of undefined variable '$APP_HOEM' (did you mean $APP_HOME?)"), lines.get(1));
  }

  @Test
  void errorFlagMakesWarningsFail() {
    CliRun run = CliRun.of("check", "--error", "-f", CASING);
    assertEquals(ExitCode.FAILED, run.exitCode());
    assertEquals("lade: lint violation found for rules: StageNameCasing, FromAsCasing, MaintainerDeprecated, "
        + "ConsistentInstructionCasing, ReservedStageName, ExposeProtoCasing, JSONArgsRecommended\n", run.err());
    assertEquals(ExitCode.OK, CliRun.of("check", "--error", "-f", HELLO).exitCode());
  }

  @Test
  void checkDirectiveSkipsRulesAndCanMakeWarningsFail() {
    CliRun run = CliRun.of("check", "-f", STRICT);
    assertEquals(ExitCode.FAILED, run.exitCode());
    assertEquals(List.of(STRICT + ":3: LegacyKeyValueFormat - \"ENV key=value\" should be used instead of legacy "
        + "\"ENV key value\" format [https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/]",
        "Check complete, 1 warning has been found!"), run.out().lines().toList());
  }

  @Test
  void aCleanDockerfileSaysSo() {
    CliRun run = CliRun.of("check", "-f", HELLO);
    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertEquals("Check complete, no warnings found.\n", run.out());
  }

  @Test
  void buildArgumentsChangeWhatIsChecked() {
    String df = "FROM alpine\nARG DIR=/srv\nWORKDIR $DIR\n";
    assertEquals("Check complete, no warnings found.\n", CliRun.withInput(df, "check", "-f", "-").out());
    CliRun run = CliRun.withInput(df, "check", "-f", "-", "--build-arg", "DIR=srv");
    assertTrue(run.out().startsWith("<stdin>:3: WorkdirRelativePath - Relative workdir \"srv\""), run.out());
  }

  @Test
  void malformedDockerfileIsOneLocatedErrorLineAndExitsTwo() {
    String file = CliRun.repoPath("testdata/dockerfiles/bad-mount/Dockerfile").toString();
    CliRun run = CliRun.of("check", "-f", file);
    assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    assertEquals("", run.out());
    assertEquals(file + ":3:13: unsupported mount type \"cahce\" (did you mean cache?)\n", run.err());
  }

  @Test
  void evaluationErrorsAreLocatedAfterTheWarningsBeforeThem() {
    CliRun run = CliRun.withInput("FROM alpine AS Base\nARG X\nUSER ${X:?X must be set}\n", "check", "-f", "-");
    assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    assertTrue(run.out().startsWith("<stdin>:1: StageNameCasing"), run.out());
    assertTrue(run.err().startsWith("<stdin>:3:1: failed to process \"${X:?X must be set}\""), run.err());
  }

  private static List<String> rules(List<String> lines) {
    return lines.stream().filter(l -> l.contains(" - ")).map(l -> l.split(": ", 3)[1].split(" - ")[0]).toList();
  }
}
