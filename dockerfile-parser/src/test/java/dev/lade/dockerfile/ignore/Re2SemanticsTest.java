package dev.lade.dockerfile.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * patternmatcher hands the translated pattern to Go's RE2, so some patterns mean what RE2 makes of
 * them rather than what a glob would. BuildKit behaves this way; so must we.
 */
class Re2SemanticsTest {
  private static boolean excludes(String pattern, String path) {
    return IgnorePatterns.of(List.of(pattern), "t").excludes(path);
  }

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(delimiter = ' ', quoteCharacter = '`', value = {
      // "[*]" becomes "[[^/]*]": a class of '[', '^', '/' repeated, then a literal ']'.
      "[*] ] true", "[*] [] true", "[*] ^^] true", "[*] * false",
      // '^' is an anchor in a regex, a plain character otherwise.
      "^foo* food true", "^foo* ^food false", "^foo ^foo true", "^foo foo false", "x^y* x^y false",
      // A backslash escape is passed to RE2, where \d is a digit class.
      "file\\d* file7 true", "file\\d* filed false",
      // POSIX classes work inside brackets.
      "[[:digit:]]x 5x true", "[[:digit:]]x ax false", "[[:^digit:]]x ax true",
      // Unicode categories through \p.
      "\\pL* été true", "\\pL* 1a false",
      // Escaped regex operators are literal.
      "a\\.b a.b true", "a\\.b axb false", "a\\(b a(b true",
  })
  void patternsMeanWhatRe2MakesOfThem(String pattern, String path, boolean excluded) {
    assertEquals(excluded, excludes(pattern, path));
  }

  @Test
  void doubleStarDoesNotCrossANewlineButStarDoes() {
    assertFalse(excludes("a/**/b", "a/x\ny/b"));
    assertTrue(excludes("a/*/b", "a/x\ny/b"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ' ', quoteCharacter = '`', value = {"a\\q*", "x[z-a]", "\\1*", "a\\é*", "\\p{L}*"})
  void escapesRe2RejectsFailOnUse(String pattern) {
    IgnorePatterns pm = IgnorePatterns.of(List.of(pattern), ".dockerignore");
    IgnorePatternException e = assertThrows(IgnorePatternException.class, () -> pm.excludes("file"));
    assertEquals("syntax error in pattern", e.reason());
  }

  @Test
  void unusableExceptionIsOnlyAnErrorWhenItMustBeTried() {
    // Go skips a "!" pattern while nothing is excluded, so its bad regex goes unnoticed.
    IgnorePatterns pm = IgnorePatterns.of(List.of("*.tmp", "!x[z-a]"), "t");
    assertFalse(pm.excludes("main.go"));
    assertThrows(IgnorePatternException.class, () -> pm.excludes("a.tmp"));
  }

  /** A backtracking engine would take exponential time on these; the NFA takes milliseconds. */
  @Test
  void matchingTimeIsLinearForPathologicalPatterns() {
    String deep = "a/".repeat(1_000) + "y";
    String stars = "a*".repeat(300) + "b";
    String nested = "**/".repeat(100) + "x";
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertFalse(IgnorePatterns.of(List.of(stars), "t").patterns().get(0).matches("a".repeat(3_000)));
      assertFalse(IgnorePatterns.of(List.of(nested), "t").patterns().get(0).matches(deep));
      assertTrue(IgnorePatterns.of(List.of(nested), "t").patterns().get(0).matches(deep + "/x"));
    });
  }
}
