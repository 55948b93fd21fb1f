package dev.lade.dockerfile.scope;

import static dev.lade.dockerfile.scope.ScopeFixture.evaluate;
import static dev.lade.dockerfile.scope.ScopeFixture.finalEnv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.dockerfile.ast.Arg;
import dev.lade.dockerfile.ast.ArgDeclaration;
import dev.lade.dockerfile.ast.Copy;
import dev.lade.dockerfile.ast.Expose;
import dev.lade.dockerfile.ast.Workdir;
import dev.lade.dockerfile.parser.DockerfileParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scoping rules of the Dockerfile reference, with its examples where it has them. */
class StageEvaluatorTest {

  @Test
  void globalArgIsNotVisibleInAStageUntilReimported() {
    String outOfScope = "ARG NAME=\"joe\"\nFROM alpine\nENV GREETING=\"hello ${NAME}!\"\n";
    assertEquals("hello !", finalEnv(outOfScope).get("GREETING").orElseThrow());
    EvaluatedInstruction env = evaluate(outOfScope).stagesOrThrow().get(0).instructions().get(0);
    assertEquals(List.of("NAME"), env.undefined().stream().map(UndefinedVariable::name).toList());

    String consumed = "ARG NAME=\"joe\"\nFROM alpine\nARG NAME\nENV GREETING=\"hello ${NAME}!\"\n";
    assertEquals("hello joe!", finalEnv(consumed).get("GREETING").orElseThrow());
  }

  @Test
  void reimportTakesTheBuildArgumentOverTheGlobalDefault() {
    String df = "ARG NAME=joe\nFROM alpine\nARG NAME\nENV WHO=$NAME\n";
    assertEquals("ann", finalEnv(df, Map.of("NAME", "ann")).get("WHO").orElseThrow());
  }

  @Test
  void buildArgumentOverridesAStageDefault() {
    String df = "FROM busybox\nARG user=someuser\nUSER $user\n";
    assertEquals("what_user", userOf(df, Map.of("user", "what_user")));
    assertEquals("someuser", userOf(df, Map.of()));
  }

  @Test
  void declaredButUnsetArgIsEmptyAndNotUndefined() {
    var stage = evaluate("FROM alpine\nARG VERSION\nWORKDIR /opt/$VERSION\n").stagesOrThrow().get(0);
    EvaluatedInstruction workdir = stage.instructions().get(1);
    assertEquals("/opt/", ((Workdir) workdir.expanded()).path());
    assertTrue(workdir.undefined().isEmpty());
    assertFalse(stage.end().env().contains("VERSION"));
    assertEquals(List.of("VERSION"), List.copyOf(stage.end().declaredArgs()));
  }

  @Test
  void envOverridesAnEarlierArgOfTheSameName() {
    // The Dockerfile reference: ENV always overrides the ARG, whatever --build-arg says.
    String df = "FROM ubuntu\nARG CONT_IMG_VER\nENV CONT_IMG_VER=v1.0.0\nWORKDIR /$CONT_IMG_VER\n";
    VariableScope env = finalEnv(df, Map.of("CONT_IMG_VER", "v2.0.1"));
    assertEquals("v1.0.0", env.get("CONT_IMG_VER").orElseThrow());
    String withDefault = "FROM ubuntu\nARG CONT_IMG_VER\nENV CONT_IMG_VER=${CONT_IMG_VER:-v1.0.0}\n";
    assertEquals("v2.0.1", finalEnv(withDefault, Map.of("CONT_IMG_VER", "v2.0.1")).get("CONT_IMG_VER").orElseThrow());
    assertEquals("v1.0.0", finalEnv(withDefault).get("CONT_IMG_VER").orElseThrow());
  }

  @Test
  void aLaterArgReplacesTheValueButNotTheImageConfig() {
    StageState end = evaluate("FROM alpine\nENV FOO=env\nARG FOO=arg\n").stagesOrThrow().get(0).end();
    assertEquals("arg", end.env().get("FOO").orElseThrow());
    assertEquals("env", end.imageEnv().get("FOO").orElseThrow());
  }

  @Test
  void oneEnvLineSeesTheValuesFromBeforeIt() {
    // The Dockerfile reference's "Environment replacement" example.
    VariableScope env = finalEnv("FROM busybox\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\n");
    assertEquals("bye", env.get("abc").orElseThrow());
    assertEquals("hello", env.get("def").orElseThrow());
    assertEquals("bye", env.get("ghi").orElseThrow());
  }

  @Test
  void argDefaultsSeeEarlierArgsEvenOnTheSameLine() {
    var arg = (Arg) evaluate("FROM alpine\nARG a=1 b=${a}2\n").stagesOrThrow().get(0).instructions().get(0).expanded();
    assertEquals(List.of(new ArgDeclaration("a", Optional.of("1")), new ArgDeclaration("b", Optional.of("12"))),
        arg.declarations());
  }

  @Test
  void expandedArgKeepsItsDeclarationWhileTheBuildArgumentTakesEffect() {
    // BuildKit's history reads "ARG A=1 B", whatever --build-arg gave; RUN sees the given values.
    var stage = evaluate("FROM alpine\nARG A=1 B\n", Map.of("A", "2", "B", "bee")).stagesOrThrow().get(0);
    var arg = (Arg) stage.instructions().get(0).expanded();
    assertEquals(List.of(new ArgDeclaration("A", Optional.of("1")), new ArgDeclaration("B", Optional.empty())),
        arg.declarations());
    assertEquals("2", stage.end().env().get("A").orElseThrow());
    assertEquals("bee", stage.end().env().get("B").orElseThrow());
  }

  @Test
  void argsDeclaredInAParentStageStayInScope() {
    String df = "FROM alpine AS base\nARG NAME=\"joe\"\nFROM base AS build\nENV GREETING=\"hello $NAME!\"\n";
    var stages = evaluate(df).stagesOrThrow();
    assertEquals(Optional.of(0), stages.get(1).baseStage());
    assertEquals("hello joe!", stages.get(1).end().env().get("GREETING").orElseThrow());
  }

  @Test
  void automaticPlatformArgsNeedADeclarationInAStage() {
    String df = "FROM alpine\nARG TARGETOS TARGETARCH\nENV GOOS=$TARGETOS GOARCH=$TARGETARCH\nENV PLATFORM=$TARGETPLATFORM\n";
    var stage = evaluate(df).stagesOrThrow().get(0);
    VariableScope env = stage.end().env();
    assertEquals("linux", env.get("GOOS").orElseThrow());
    assertEquals("arm64", env.get("GOARCH").orElseThrow());
    assertEquals("", env.get("PLATFORM").orElseThrow());
    assertEquals("TARGETPLATFORM", stage.instructions().get(2).undefined().get(0).name());
  }

  @Test
  void buildkitSettingsAreNeitherEnvironmentNorUndefined() {
    var stage = evaluate("FROM alpine\nARG BUILDKIT_SBOM_SCAN_STAGE=true\nLABEL scan=$BUILDKIT_SBOM_SCAN_CONTEXT\n")
        .stagesOrThrow().get(0);
    assertFalse(stage.end().env().contains("BUILDKIT_SBOM_SCAN_STAGE"));
    assertTrue(stage.instructions().get(1).undefined().isEmpty());
  }

  @Test
  void stagesStartWithTheDefaultPath() {
    assertEquals(StageState.DEFAULT_PATH, finalEnv("FROM scratch\n").get("PATH").orElseThrow());
  }

  @Test
  void wordsAreExpandedWhereBuildKitExpandsThem() {
    String df = "FROM alpine\nENV PORTS=\"80 443/udp\" DIR=/srv\nEXPOSE $PORTS\nCOPY --chown=$USER app.tar $DIR/\n"
        + "COPY <<EOF /etc/motd\nhello $DIR\nEOF\n";
    var instructions = evaluate(df).stagesOrThrow().get(0).instructions();
    assertEquals(List.of("80", "443/udp"), ((Expose) instructions.get(1).expanded()).ports());
    Copy copy = (Copy) instructions.get(2).expanded();
    assertEquals("/srv/", copy.destination());
    assertEquals(Optional.of(""), copy.chown());
    assertEquals(List.of("USER"), instructions.get(2).undefined().stream().map(UndefinedVariable::name).toList());
    assertEquals("hello /srv\n", ((Copy) instructions.get(3).expanded()).inlineSources().get(0).content());
  }

  @Test
  void aFailingSubstitutionIsAnErrorAtTheInstruction() {
    DockerfileEvaluation e = evaluate("FROM alpine\n\nARG X\nUSER ${X:?X must be set}\n");
    DockerfileParseException error = e.failure().orElseThrow();
    assertEquals(4, error.line());
    assertTrue(error.reason().contains("X must be set"), error.reason());
    assertThrows(DockerfileParseException.class, e::stagesOrThrow);
    assertEquals(1, e.stages().get(0).instructions().size());
  }

  private static String userOf(String df, Map<String, String> args) {
    var stage = ScopeFixture.evaluate(df, args).stagesOrThrow().get(0);
    return ((dev.lade.dockerfile.ast.User) stage.instructions().get(1).expanded()).user();
  }
}
