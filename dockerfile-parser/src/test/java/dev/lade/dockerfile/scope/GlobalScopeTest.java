package dev.lade.dockerfile.scope;

import static dev.lade.dockerfile.scope.ScopeFixture.evaluate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.dockerfile.parser.DockerfileParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GlobalScopeTest {
  @Test
  void fromUsesGlobalArgsAndBuildArgsOverrideTheirDefaults() {
    String df = "ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\n";
    assertEquals("alpine:3.20", evaluate(df).stagesOrThrow().get(0).from().base());
    assertEquals("alpine:edge", evaluate(df, Map.of("ALPINE_VERSION", "edge")).stagesOrThrow().get(0).from().base());
  }

  @Test
  void aDefaultCanUseAnEarlierGlobalArg() {
    String df = "ARG A=x\nARG B=$A-y\nFROM img:$B\n";
    assertEquals("img:x-y", evaluate(df).stagesOrThrow().get(0).from().base());
    assertEquals(List.of("A", "B"), evaluate(df).globals().declared());
  }

  @Test
  void automaticPlatformArgsAreGlobalWithoutDeclaration() {
    var from = evaluate("FROM --platform=$BUILDPLATFORM golang AS build\n").stagesOrThrow().get(0).from();
    assertEquals(Optional.of(ScopeFixture.BUILD), from.platform());
    assertEquals(java.util.Set.of("BUILDPLATFORM"), from.platformExpansion().orElseThrow().matched());
    var target = evaluate("FROM alpine-$TARGETARCH\n").stagesOrThrow().get(0).from();
    assertEquals("alpine-arm64", target.base());
  }

  @Test
  void aBuildArgOverridesAnAutomaticArg() {
    var from = evaluate("FROM alpine-$TARGETARCH\n", Map.of("TARGETARCH", "riscv64")).stagesOrThrow().get(0).from();
    assertEquals("alpine-riscv64", from.base());
  }

  @Test
  void declaredButUnsetGlobalIsKnownButEmpty() {
    var e = evaluate("ARG VARIANT\nFROM node:22${VARIANT}\n");
    assertEquals("node:22", e.stagesOrThrow().get(0).from().base());
    assertTrue(e.globals().knownNames().contains("VARIANT"));
  }

  @Test
  void blankBaseAndBadPlatformAreErrorsAtTheFrom() {
    DockerfileParseException blank = evaluate("ARG IMAGE\n\nFROM $IMAGE\n").failure().orElseThrow();
    assertEquals(3, blank.line());
    assertEquals("base name ($IMAGE) should not be blank", blank.reason());
    DockerfileParseException platform = evaluate("FROM --platform=$NOPE alpine\n").failure().orElseThrow();
    assertEquals("empty platform value from expression $NOPE", platform.reason());
  }

  @Test
  void aFailingMetaArgDefaultIsLocated() {
    DockerfileParseException e = assertThrows(DockerfileParseException.class,
        () -> evaluate("ARG X\nARG Y=${X:?X is required}\nFROM alpine\n"));
    assertEquals(2, e.line());
  }
}
