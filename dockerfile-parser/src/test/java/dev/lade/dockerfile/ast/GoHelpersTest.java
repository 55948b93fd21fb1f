package dev.lade.dockerfile.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GoHelpersTest {
  @Test
  void pathCleanAndBaseMatchGo() {
    assertEquals("/root/.cache", GoPath.clean("/root//.cache/"));
    assertEquals("/", GoPath.clean("/a/.."));
    assertEquals("../x", GoPath.clean("a/../../x"));
    assertEquals(".", GoPath.clean(""));
    assertEquals("credentials", GoPath.base("/root/.aws/credentials"));
    assertEquals("/", GoPath.base("///"));
    assertEquals(".", GoPath.base(""));
  }

  @Test
  void parseBoolAcceptsGosSpellings() {
    assertEquals(Optional.of(true), GoStrconv.parseBool("T"));
    assertEquals(Optional.of(false), GoStrconv.parseBool("0"));
    assertEquals(Optional.empty(), GoStrconv.parseBool("yes"));
  }

  @Test
  void parseUint32TakesDigitsOfItsBaseOnly() {
    assertEquals(OptionalLong.of(0755), GoStrconv.parseUint32("0755", 8));
    assertEquals(OptionalLong.empty(), GoStrconv.parseUint32("8", 8));
    assertEquals(OptionalLong.empty(), GoStrconv.parseUint32("+1", 10));
    assertEquals(OptionalLong.of(4294967295L), GoStrconv.parseUint32("4294967295", 10));
    assertEquals(OptionalLong.empty(), GoStrconv.parseUint32("4294967296", 10));
  }

  @Test
  void parseInt32ReportsGosErrors() {
    assertEquals(-3, GoStrconv.parseInt32("-3"));
    assertEquals(Integer.MIN_VALUE, GoStrconv.parseInt32("-2147483648"));
    assertEquals("strconv.ParseInt: parsing \"3x\": invalid syntax",
        assertThrows(IllegalArgumentException.class, () -> GoStrconv.parseInt32("3x")).getMessage());
    assertEquals("strconv.ParseInt: parsing \"2147483648\": value out of range",
        assertThrows(IllegalArgumentException.class, () -> GoStrconv.parseInt32("2147483648")).getMessage());
  }
}
