package dev.lade.dockerfile.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutomaticArgsTest {
  @Test
  void describesBuildAndTargetPlatforms() {
    VariableScope args = AutomaticArgs.of(
        Platform.parse("linux/amd64"), Platform.parse("linux/arm/v7"), "release", BuildArgs.none());
    assertEquals(List.of(
        "BUILDPLATFORM=linux/amd64", "BUILDOS=linux", "BUILDARCH=amd64", "BUILDVARIANT=",
        "TARGETPLATFORM=linux/arm/v7", "TARGETOS=linux", "TARGETARCH=arm", "TARGETVARIANT=v7",
        "TARGETSTAGE=release"), args.entries());
  }

  @Test
  void buildArgumentsOverrideThem() {
    VariableScope args = AutomaticArgs.of(Platform.parse("linux/amd64"), Platform.parse("linux/amd64"), "",
        BuildArgs.of(Map.of("TARGETARCH", "riscv64")));
    assertEquals("riscv64", args.get("TARGETARCH").orElseThrow());
    assertEquals("linux/amd64", args.get("TARGETPLATFORM").orElseThrow());
  }
}
