package dev.lade.dockerfile.ast;

import static dev.lade.dockerfile.ast.AstTesting.instruction;
import static dev.lade.dockerfile.ast.AstTesting.parse;
import static dev.lade.dockerfile.ast.AstTesting.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stages, meta ARGs, FROM, ONBUILD and how errors are located. */
class DockerfileTest {
  private static final String MULTI_STAGE = """
      # syntax=docker/dockerfile:1
      ARG GO_VERSION=1.23
      ARG BASE
      FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS Build
      WORKDIR /src
      RUN go build -o /out/app .

      FROM scratch
      COPY --from=build /out/app /app
      ENTRYPOINT ["/app"]
      """;

  private static DockerfileParseException error(String text) {
    return assertThrows(DockerfileParseException.class, () -> parse(text));
  }

  @Test
  void groupsInstructionsIntoStages() {
    Dockerfile d = parse(MULTI_STAGE);
    assertEquals(List.of("GO_VERSION", "BASE"),
        d.metaArgs().stream().map(a -> a.declarations().get(0).name()).toList());
    assertEquals(2, d.stages().size());
    Stage build = d.stages().get(0);
    assertEquals(0, build.index());
    assertEquals(Optional.of("build"), build.name());
    assertEquals("golang:${GO_VERSION}", build.baseImage());
    assertEquals(Optional.of("$BUILDPLATFORM"), build.platform());
    assertEquals(List.of("WORKDIR", "RUN"), build.instructions().stream().map(Instruction::keyword).toList());
    assertEquals(new SourceLocation(4, 6), build.location());
    Stage last = d.lastStage();
    assertEquals(1, last.index());
    assertEquals(Optional.empty(), last.name());
    assertEquals(new SourceLocation(8, 10), last.location());
    assertEquals(Optional.of(build), d.stage("BUILD"));
  }

  @Test
  void fromForms() {
    From plain = parse("FROM ubuntu:24.04\n").stages().get(0).from();
    assertEquals(new From("ubuntu:24.04", Optional.empty(), Optional.empty(), new SourceLocation(1, 1),
        "FROM ubuntu:24.04"), plain);
    assertEquals(Optional.of("my-stage_1.x"), parse("from alpine as my-stage_1.x\n").stages().get(0).name());
  }

  @Test
  void fromErrors() {
    assertEquals("FROM requires either one or three arguments", error("FROM alpine base\n").reason());
    assertEquals("FROM requires either one or three arguments", error("FROM alpine TO base\n").reason());
    DockerfileParseException e = error("FROM alpine AS 1st\n");
    assertEquals("invalid name for build stage: \"1st\", name can't start with a number or contain symbols", e.reason());
    assertEquals(16, e.column());
    assertEquals("unknown flag: --platfrom (did you mean platform?)",
        error("FROM --platfrom=linux/amd64 alpine\n").reason());
  }

  @Test
  void onlyArgMayComeBeforeFrom() {
    DockerfileParseException e = error("ARG A\nRUN echo hi\nFROM alpine\n");
    assertEquals("no build stage in current context", e.reason());
    assertEquals(2, e.line());
    assertEquals(1, e.column());
    assertEquals("dockerfile contains no stages to build", error("ARG A\n").reason());
  }

  @Test
  void stageNamesAreUniqueIgnoringCase() {
    DockerfileParseException e = error("FROM debian:latest AS builder\nRUN true\nFROM golang:latest AS Builder\n");
    assertEquals("Duplicate stage name \"builder\", stage names should be unique", e.reason());
    assertEquals(3, e.line());
    assertEquals(23, e.column());
  }

  @Test
  void unknownInstructionSuggests() {
    rejects("RUNN make", "unknown instruction: RUNN (did you mean RUN?)");
    rejects("FOO bar", "unknown instruction: FOO (did you mean FROM?)");
    rejects("DESTROY all", "unknown instruction: DESTROY");
  }

  @Test
  void onbuildHoldsTheParsedTrigger() {
    Onbuild o = (Onbuild) instruction("ONBUILD ADD . /app/src");
    assertEquals(List.of("."), ((Add) o.trigger()).sources());
    assertEquals("ADD . /app/src", o.expression());
    assertEquals("ADD . /app/src", o.trigger().original());
    Onbuild run = (Onbuild) instruction("ONBUILD RUN --mount=type=cache,target=/root/.cache /usr/local/bin/python-build --dir /app/src");
    assertEquals(1, ((Run) run.trigger()).mounts().size());
  }

  @Test
  void onbuildExpressionKeepsHeredocBodies() {
    Onbuild o = (Onbuild) parse("FROM alpine\nONBUILD RUN <<EOF\necho hi\nEOF\n").stages().get(0).instructions().get(0);
    assertEquals("RUN <<EOF\necho hi\nEOF", o.expression());
    assertEquals("echo hi\n", ((Run) o.trigger()).heredocs().get(0).content());
  }

  @Test
  void onbuildRestrictions() {
    rejects("ONBUILD ONBUILD RUN true", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    rejects("ONBUILD FROM alpine", "FROM isn't allowed as an ONBUILD trigger");
    rejects("ONBUILD maintainer me", "MAINTAINER isn't allowed as an ONBUILD trigger");
    rejects("ONBUILD", "ONBUILD requires at least one argument");
    rejects("ONBUILD COPY --bogus a b", "unknown flag: --bogus");
  }

  @Test
  void errorsPointAtTheOffendingTextInIndentedAndMultiLineInstructions() {
    DockerfileParseException e = error("FROM alpine\n    COPY --lnk a \\\n      b\n");
    assertEquals(2, e.line());
    assertEquals(10, e.column());
    assertEquals("Dockerfile:2:10: unknown flag: --lnk (did you mean link?)", e.getMessage());
  }

  @Test
  void withoutTheSourceColumnsAreUnknown() {
    byte[] text = "FROM alpine\nCOPY --lnk a b\n".getBytes(StandardCharsets.UTF_8);
    DockerfileParseException e = assertThrows(DockerfileParseException.class,
        () -> Dockerfile.from(Parser.parse(text)));
    assertEquals(2, e.line());
    assertEquals(0, e.column());
  }

  @Test
  void parseWarningsAreKept() {
    Dockerfile d = parse("FROM alpine\nRUN a \\\n\nb\n");
    assertEquals(1, d.warnings().size());
    assertInstanceOf(Run.class, d.lastStage().instructions().get(0));
  }
}
