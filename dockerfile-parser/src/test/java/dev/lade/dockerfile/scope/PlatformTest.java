package dev.lade.dockerfile.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PlatformTest {
  @Test
  void parsesOsArchVariant() {
    assertEquals(new Platform("linux", "arm", "v7"), Platform.parse("linux/arm/v7"));
    assertEquals(new Platform("windows", "amd64", ""), Platform.parse("windows/amd64"));
  }

  @Test
  void normalizesArchitectureAliases() {
    assertEquals("linux/amd64", Platform.parse("linux/x86_64").format());
    assertEquals("linux/arm64", Platform.parse("linux/aarch64").format());
    assertEquals("linux/arm", Platform.parse("linux/armhf").format());
    assertEquals("linux/arm/v6", Platform.parse("linux/armel").format());
    assertEquals("linux/arm64/v8", Platform.parse("linux/arm64/v8").format());
    assertEquals("darwin/arm64", Platform.parse("macos/arm64").format());
  }

  @Test
  void aloneAWordIsAnOsOrAnArchitecture() {
    assertEquals("linux", Platform.parse("linux").os());
    Platform arm = Platform.parse("arm64");
    assertEquals("arm64", arm.architecture());
    assertEquals("linux", arm.os());
  }

  @Test
  void rejectsWhatIsNotAPlatform() {
    assertThrows(IllegalArgumentException.class, () -> Platform.parse("nosuchthing"));
    assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux/amd64/v2/x"));
    assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux/*"));
    assertThrows(IllegalArgumentException.class, () -> Platform.parse("linux//amd64"));
  }
}
