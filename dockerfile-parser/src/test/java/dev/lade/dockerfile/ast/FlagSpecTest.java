package dev.lade.dockerfile.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlagSpecTest {
  private final FlagSpec spec = new FlagSpec().string("from").bool("link").strings("exclude");

  private String error(String... flags) {
    return assertThrows(InvalidInstructionException.class, () -> spec.parse(List.of(flags))).getMessage();
  }

  @Test
  void unsetFlagsHaveDefaults() {
    ParsedFlags f = spec.parse(List.of());
    assertFalse(f.bool("link"));
    assertEquals(Optional.empty(), f.string("from"));
    assertEquals(List.of(), f.strings("exclude"));
    assertFalse(f.isUsed("link"));
  }

  @Test
  void boolFlagTakesNoValueOrTrueOrFalseInAnyCase() {
    assertTrue(spec.parse(List.of("--link")).bool("link"));
    assertTrue(spec.parse(List.of("--link=TRUE")).bool("link"));
    ParsedFlags off = spec.parse(List.of("--link=false"));
    assertFalse(off.bool("link"));
    assertTrue(off.isUsed("link"));
  }

  @Test
  void stringFlagKeepsItsValueEvenEmpty() {
    assertEquals(Optional.of("build"), spec.parse(List.of("--from=build")).string("from"));
    assertEquals(Optional.of(""), spec.parse(List.of("--from=")).string("from"));
    assertEquals(Optional.of("a=b"), spec.parse(List.of("--from=a=b")).string("from"));
  }

  @Test
  void listFlagMayRepeat() {
    assertEquals(List.of("*.md", "*.txt"),
        spec.parse(List.of("--exclude=*.md", "--exclude=*.txt")).strings("exclude"));
  }

  @Test
  void doubleDashEndsTheFlags() {
    assertFalse(spec.parse(List.of("--", "--nonsense")).isUsed("link"));
  }

  @Test
  void errorsAreBuildKits() {
    assertEquals("unknown flag: --lnk (did you mean link?)", error("--lnk"));
    assertEquals("unknown flag: --platform", error("--platform=linux/amd64"));
    assertEquals("duplicate flag specified: --from", error("--from=a", "--from=b"));
    assertEquals("duplicate flag specified: --link", error("--link", "--link=false"));
    assertEquals("missing a value on flag: --link", error("--link="));
    assertEquals("missing a value on flag: --from", error("--from"));
    assertEquals("missing a value on flag: --exclude", error("--exclude"));
    assertEquals("expecting boolean value for flag --link, not: yes", error("--link=yes"));
    assertEquals("arg should start with -- : -x", error("-x"));
  }
}
