package dev.lade.dockerfile.lint;

import static dev.lade.dockerfile.lint.Lint.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules that need the Dockerfile evaluated, with the examples of Docker's build-checks pages. */
class VariableRulesTest {

  @Test
  void undefinedVar() {
    assertEquals(List.of("2: Usage of undefined variable '$foo'"), of("UndefinedVar", "FROM alpine AS base\nCOPY $foo .\n"));
    assertEquals(List.of(), of("UndefinedVar", "FROM alpine AS base\nARG foo\nCOPY $foo .\n"));
    assertEquals(List.of("2: Usage of undefined variable '$foo'"), of("UndefinedVar", "FROM alpine AS base\nARG VERSION=$foo\n"));
  }

  @Test
  void undefinedVarSuggestsANearMiss() {
    assertEquals(List.of("2: Usage of undefined variable '$PAHT' (did you mean $PATH?)"),
        of("UndefinedVar", "FROM alpine\nENV PATH=$PAHT:/app/bin\n"));
    assertEquals(List.of("3: Usage of undefined variable '$PYTHONHOME' (did you mean $PYTHON_HOME?)"),
        of("UndefinedVar", "FROM alpine\nENV PYTHON_HOME=/usr/local/bin/python\nENV PATH=$PYTHONHOME/bin:$PATH\n"));
  }

  @Test
  void undefinedVarLeavesShellFormCommandsToTheShell() {
    assertEquals(List.of(), of("UndefinedVar", "FROM alpine\nRUN echo $foo\nCMD echo $bar\n"));
  }

  @Test
  void undefinedVarKnowsTheBaseImageWhenTold() {
    String df = "FROM python AS base\nARG VERSION=$PYTHON_VERSION\n";
    var images = (dev.lade.dockerfile.scope.BaseImageConfig) (image, platform) ->
        image.equals("python") ? java.util.Optional.of(List.of("PYTHON_VERSION=3.13.0")) : java.util.Optional.empty();
    LintReport report = DockerfileLinter.lint(df.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        new LintOptions(dev.lade.dockerfile.scope.ScopeOptions.defaults(), images, false));
    assertEquals(List.of(), Lint.format(report));
    assertEquals(List.of("2: Usage of undefined variable '$PYTHON_VERSION'"), of("UndefinedVar", df));
  }

  @Test
  void undefinedArgInFrom() {
    assertEquals(List.of("1: FROM argument 'VARIANT' is not declared"),
        of("UndefinedArgInFrom", "FROM node:22${VARIANT} AS jsbuilder\n"));
    assertEquals(List.of(), of("UndefinedArgInFrom", "ARG VARIANT=\"-alpine3.20\"\nFROM node:22${VARIANT} AS jsbuilder\n"));
    assertEquals(List.of(), of("UndefinedArgInFrom", "FROM --platform=$BUILDPLATFORM golang\n"));
  }

  @Test
  void undefinedArgInFromSuggestsABuiltInArgument() {
    assertEquals(List.of("1: FROM argument 'BULIDPLATFORM' is not declared (did you mean BUILDPLATFORM?)"),
        of("UndefinedArgInFrom", "FROM --platform=$BULIDPLATFORM golang\n"));
  }

  @Test
  void invalidDefaultArgInFrom() {
    assertEquals(List.of("2: Default value for ARG busybox:${TAG} results in empty or invalid base image name"),
        of("InvalidDefaultArgInFrom", "ARG TAG\nFROM busybox:${TAG}\n"));
    assertEquals(List.of(), of("InvalidDefaultArgInFrom", "ARG TAG=latest\nFROM busybox:${TAG}\n"));
    assertEquals(List.of(), of("InvalidDefaultArgInFrom", "ARG VARIANT\nFROM busybox:stable${VARIANT}\n"));
  }

  @Test
  void invalidDefaultArgInFromIgnoresBuildArguments() {
    LintReport report = Lint.report("ARG TAG\nFROM busybox:${TAG}\n", Map.of("TAG", "1.36"));
    assertEquals(List.of("2: InvalidDefaultArgInFrom - Default value for ARG busybox:${TAG} results in empty or invalid base image name"),
        Lint.format(report));
  }

  @Test
  void redundantTargetPlatform() {
    assertEquals(List.of("1: Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior"),
        of("RedundantTargetPlatform", "FROM --platform=$TARGETPLATFORM alpine AS builder\n"));
    assertEquals(List.of("1: Setting platform to predefined ${TARGETPLATFORM} in FROM is redundant as this is the default behavior"),
        of("RedundantTargetPlatform", "FROM --platform=${TARGETPLATFORM} alpine\n"));
    assertEquals(List.of(), of("RedundantTargetPlatform", "FROM alpine AS builder\n"));
    assertEquals(List.of(), of("RedundantTargetPlatform", "FROM --platform=$BUILDPLATFORM alpine AS builder\n"));
  }

  @Test
  void fromPlatformFlagConstDisallowed() {
    assertEquals(List.of("1: FROM --platform flag should not use constant value \"linux/amd64\""),
        of("FromPlatformFlagConstDisallowed", "FROM --platform=linux/amd64 alpine AS base\n"));
    assertEquals(List.of(), of("FromPlatformFlagConstDisallowed", "FROM --platform=linux/amd64 alpine AS build_amd64\n"));
    assertEquals(List.of(), of("FromPlatformFlagConstDisallowed", "FROM --platform=${BUILDPLATFORM} alpine AS base\n"));
  }

  @Test
  void workdirRelativePath() {
    assertEquals(List.of("2: Relative workdir \"usr/share/nginx/html\" can have unexpected results if the base image changes"),
        of("WorkdirRelativePath", "FROM nginx AS web\nWORKDIR usr/share/nginx/html\nCOPY public .\n"));
    assertEquals(List.of(), of("WorkdirRelativePath", "FROM nginx AS web\nWORKDIR /usr/share/nginx/html\nCOPY public .\n"));
  }

  @Test
  void workdirRelativePathOnlyWarnsBeforeTheFirstWorkdirOfTheBuild() {
    assertEquals(List.of(), of("WorkdirRelativePath", "FROM nginx AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\n"));
    assertEquals(List.of(), of("WorkdirRelativePath", "FROM nginx\nWORKDIR $DIR/opt\nWORKDIR app\n"));
    assertEquals(List.of("2: Relative workdir \"opt\" can have unexpected results if the base image changes"),
        of("WorkdirRelativePath", "FROM nginx\nWORKDIR ${DIR}opt\nWORKDIR /app\n"));
  }

  @Test
  void secretsUsedInArgOrEnv() {
    assertEquals(List.of("2: Do not use ARG or ENV instructions for sensitive data (ARG \"AWS_SECRET_ACCESS_KEY\")"),
        of("SecretsUsedInArgOrEnv", "FROM scratch\nARG AWS_SECRET_ACCESS_KEY\n"));
    assertEquals(List.of("2: Do not use ARG or ENV instructions for sensitive data (ENV \"password\")",
            "2: Do not use ARG or ENV instructions for sensitive data (ENV \"secret\")"),
        of("SecretsUsedInArgOrEnv", "FROM scratch\nENV password=bar secret=baz\n"));
    assertEquals(List.of(), of("SecretsUsedInArgOrEnv", "FROM scratch\nARG GPG_KEY_FILE\nENV PUBLIC_KEY=x sunflower=foo\n"));
  }

  @Test
  void exposeProtoCasing() {
    assertEquals(List.of("2: Defined protocol '80/TcP' in EXPOSE instruction should be lowercase"),
        of("ExposeProtoCasing", "FROM alpine\nEXPOSE 80/TcP\n"));
    assertEquals(List.of(), of("ExposeProtoCasing", "FROM alpine\nEXPOSE 80/tcp\n"));
  }

  @Test
  void exposeInvalidFormat() {
    assertEquals(List.of("2: EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'"),
        of("ExposeInvalidFormat", "FROM alpine\nEXPOSE 127.0.0.1:80:80\n"));
    assertEquals(List.of("2: EXPOSE instruction should not define an IP address or host-port mapping, found '80:80'"),
        of("ExposeInvalidFormat", "FROM alpine\nEXPOSE 80:80\n"));
    assertEquals(List.of(), of("ExposeInvalidFormat", "FROM alpine\nEXPOSE 80\n"));
  }

  @Test
  void exposeChecksSeeExpandedPorts() {
    assertEquals(List.of("3: Defined protocol '53/UDP' in EXPOSE instruction should be lowercase"),
        of("ExposeProtoCasing", "FROM alpine\nENV PORTS=\"80 53/UDP\"\nEXPOSE $PORTS\n"));
  }
}
