package dev.lade.dockerfile.lint;

import static dev.lade.dockerfile.lint.Lint.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules about how instructions are written, with the examples of Docker's build-checks pages. */
class SyntaxRulesTest {

  @Test
  void stageNameCasing() {
    assertEquals(List.of("1: Stage name 'BuilderBase' should be lowercase"),
        of("StageNameCasing", "FROM node:latest AS BuilderBase\n"));
    assertEquals(List.of(), of("StageNameCasing", "FROM node:latest AS builder-base\n"));
  }

  @Test
  void fromAsCasing() {
    assertEquals(List.of("1: 'as' and 'FROM' keywords' casing do not match"),
        of("FromAsCasing", "FROM debian:latest as builder\n"));
    assertEquals(List.of("1: 'AS' and 'from' keywords' casing do not match"),
        of("FromAsCasing", "from debian:latest AS builder\n"));
    assertEquals(List.of(), of("FromAsCasing", "FROM debian:latest AS deb-builder\n"));
    assertEquals(List.of(), of("FromAsCasing", "from debian:latest as deb-builder\n"));
    assertEquals(List.of(), of("FromAsCasing", "From debian:latest as deb-builder\n"));
  }

  @Test
  void noEmptyContinuation() {
    assertEquals(List.of("2: Empty continuation line"), of("NoEmptyContinuation", "FROM alpine\nEXPOSE \\\n\n80\n"));
    assertEquals(List.of(), of("NoEmptyContinuation", "FROM alpine\nEXPOSE \\\n80\n"));
  }

  @Test
  void consistentInstructionCasing() {
    assertEquals(List.of("3: Command 'EntRYpOiNT' should match the case of the command majority (uppercase)"),
        of("ConsistentInstructionCasing",
            "FROM alpine\nRUN echo hello > /greeting.txt\nEntRYpOiNT [\"cat\", \"/greeting.txt\"]\n"));
    assertEquals(List.of("1: Command 'FROM' should match the case of the command majority (lowercase)"),
        of("ConsistentInstructionCasing", "FROM alpine\nrun echo hello > /greeting.txt\nentrypoint [\"cat\"]\n"));
    assertEquals(List.of(), of("ConsistentInstructionCasing",
        "FROM alpine\nRUN echo hello > /greeting.txt\nENTRYPOINT [\"cat\", \"/greeting.txt\"]\n"));
  }

  @Test
  void consistentInstructionCasingIgnoresArgsBeforeTheFirstFrom() {
    assertEquals(List.of(), of("ConsistentInstructionCasing", "arg V=1\narg W=2\nFROM alpine:$V\nRUN true\n"));
  }

  @Test
  void duplicateStageNameWarnsBeforeTheTypedParserRejectsIt() {
    String df = "FROM debian:latest AS builder\nRUN apt-get update; apt-get install -y curl\n\n"
        + "FROM golang:latest AS builder\n";
    assertEquals(List.of("4: Duplicate stage name \"builder\", stage names should be unique"),
        of("DuplicateStageName", df));
    assertTrue(Lint.report(df).error().isPresent());
    assertEquals(List.of(), of("DuplicateStageName",
        "FROM debian:latest AS deb-builder\nFROM golang:latest AS go-builder\n"));
  }

  @Test
  void reservedStageName() {
    assertEquals(List.of("1: Stage name should not use the same name as reserved stage \"scratch\""),
        of("ReservedStageName", "FROM alpine AS scratch\n"));
    assertEquals(List.of("1: Stage name should not use the same name as reserved stage \"context\""),
        of("ReservedStageName", "FROM alpine AS Context\n"));
    assertEquals(List.of(), of("ReservedStageName", "FROM alpine AS builder\n"));
  }

  @Test
  void maintainerDeprecated() {
    assertEquals(List.of("2: Maintainer instruction is deprecated in favor of using label"),
        of("MaintainerDeprecated", "FROM alpine\nMAINTAINER moby@example.com\n"));
    assertEquals(List.of(), of("MaintainerDeprecated",
        "FROM alpine\nLABEL org.opencontainers.image.authors=\"moby@example.com\"\n"));
  }

  @Test
  void legacyKeyValueFormat() {
    assertEquals(List.of("2: \"ENV key=value\" should be used instead of legacy \"ENV key value\" format"),
        of("LegacyKeyValueFormat", "FROM alpine\nENV DEPS \\\n    curl \\\n    git \\\n    make\n"));
    assertEquals(List.of("2: \"label key=value\" should be used instead of legacy \"label key value\" format"),
        of("LegacyKeyValueFormat", "FROM alpine\nlabel version 1.0\n"));
    assertEquals(List.of(), of("LegacyKeyValueFormat", "FROM alpine\nENV DEPS=\"\\\n    curl \\\n    git\"\n"));
  }

  @Test
  void jsonArgsRecommended() {
    assertEquals(List.of("2: JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals"),
        of("JSONArgsRecommended", "FROM alpine\nENTRYPOINT my-program start\n"));
    assertEquals(List.of("2: JSON arguments recommended for cmd to prevent unintended behavior related to OS signals"),
        of("JSONArgsRecommended", "FROM alpine\ncmd my-program start\n"));
    assertEquals(List.of(), of("JSONArgsRecommended", "FROM alpine\nENTRYPOINT [\"my-program\", \"start\"]\n"));
  }

  @Test
  void jsonArgsRecommendedNotWhenAShellIsSetHereOrInTheBaseStage() {
    assertEquals(List.of(), of("JSONArgsRecommended",
        "FROM alpine\nRUN apk add bash\nSHELL [\"/bin/bash\", \"-c\"]\nENTRYPOINT echo \"hello world\"\n"));
    assertEquals(List.of(), of("JSONArgsRecommended",
        "FROM alpine AS base\nSHELL [\"/bin/bash\", \"-c\"]\nFROM base\nCMD echo hi\n"));
  }

  @Test
  void multipleInstructionsDisallowedPointsAtTheIgnoredOne() {
    assertEquals(List.of("2: Multiple CMD instructions should not be used in the same stage because only the last one will be used"),
        of("MultipleInstructionsDisallowed",
            "FROM alpine\nCMD echo \"Hello, Norway!\"\nCMD echo \"Hello, Sweden!\"\n"));
    assertEquals(List.of(), of("MultipleInstructionsDisallowed",
        "FROM python:alpine\nRUN apk add curl\nHEALTHCHECK --interval=1s --timeout=3s \\\n"
            + "  CMD curl -f http://localhost:8080 || exit 1\nCMD python -m http.server 8080\n"));
    assertEquals(List.of(), of("MultipleInstructionsDisallowed", "FROM alpine AS a\nCMD [\"a\"]\nFROM a\nCMD [\"b\"]\n"));
  }

  @Test
  void invalidDefinitionDescriptionIsExperimental() {
    String bad = "# a non-descriptive comment\nFROM scratch AS base\n\n# another non-descriptive comment\nARG VERSION=1\n";
    assertEquals(List.of(), of("InvalidDefinitionDescription", bad));
    String enabled = "# check=experimental=InvalidDefinitionDescription\n" + bad;
    assertEquals(List.of(
        "3: Comment for FROM should follow the format: `# base <description>`",
        "6: Comment for ARG should follow the format: `# VERSION <description>`"),
        of("InvalidDefinitionDescription", enabled));
    assertEquals(List.of(), of("InvalidDefinitionDescription", "# check=experimental=InvalidDefinitionDescription\n"
        + "# base is a stage for compiling source\nFROM scratch AS base\n# VERSION This is the version number.\nARG VERSION=1\n"));
    assertEquals(List.of(), of("InvalidDefinitionDescription", "# check=experimental=all\n"
        + "# a non-descriptive comment\n\nFROM scratch AS base\n"));
  }

  @Test
  void invalidDefinitionDescriptionWithSeveralArgsShowsAPlaceholder() {
    assertEquals(List.of("3: Comment for ARG should follow the format: `# <arg_key> <description>`"),
        of("InvalidDefinitionDescription", "# check=experimental=all\n# versions\nARG A=1 B=2\nFROM scratch\n"));
  }
}
