package dev.lade.dockerfile.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.dockerfile.ignore.CompiledPattern.Translation;
import dev.lade.dockerfile.ignore.CompiledPattern.Translation.Type;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** patternmatcher's {@code TestCompile} table and {@code TestMatch} (Go's filepath.Match cases). */
class PatternCompileTest {
  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiterString = " => ", nullValues = "-", value = {
      "* => REGEX => ^[^/]*$",
      "file* => REGEX => ^file[^/]*$",
      "*file => REGEX => ^[^/]*file$",
      "a*/b => REGEX => ^a[^/]*/b$",
      "** => SUFFIX => -",
      "**/** => REGEX => ^(.*/)?.*$",
      "dir/** => PREFIX => -",
      "**/dir => SUFFIX => -",
      "**/dir2/* => REGEX => ^(.*/)?dir2/[^/]*$",
      "**/dir2/** => REGEX => ^(.*/)?dir2/.*$",
      "**file => SUFFIX => -",
      "**/file*txt => REGEX => ^(.*/)?file[^/]*txt$",
      "**/**/*.txt => REGEX => ^(.*/)?(.*/)?[^/]*\\.txt$",
      "a[b-d]e => REGEX => ^a[b-d]e$",
      ".* => REGEX => ^\\.[^/]*$",
      "abc.def => EXACT => -",
      "abc?def => REGEX => ^abc[^/]def$",
      "**/foo/bar => SUFFIX => -",
      "a(b)c/def => EXACT => -",
      "a.|)$(}+{bc => EXACT => -",
      "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl => EXACT => -",
  })
  void compilesToGoMatchTypeAndRegex(String pattern, Type type, String regex) {
    Translation t = Translation.of(GoPath.clean(pattern));
    assertEquals(type, t.type());
    if (type == Type.REGEX) assertEquals(regex, t.regex());
  }

  /** Go's filepath.Match table, as patternmatcher runs it through {@code Matches}. */
  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(delimiter = ' ', quoteCharacter = '`', value = {
      "abc abc true", "* abc true", "*c abc true", "a* a true", "a* abc true", "a* ab/c true",
      "a*/b abc/b true", "a*/b a/c/b false", "a*b*c*d*e*/f axbxcxdxe/f true",
      "a*b*c*d*e*/f axbxcxdxexxx/f true", "a*b*c*d*e*/f axbxcxdxe/xxx/f false",
      "a*b*c*d*e*/f axbxcxdxexxx/fff false", "a*b?c*x abxbbxdbxebxczzx true",
      "a*b?c*x abxbbxdbxebxczzy false", "ab[c] abc true", "ab[b-d] abc true", "ab[e-g] abc false",
      "ab[^c] abc false", "ab[^b-d] abc false", "ab[^e-g] abc true", "a\\*b a*b true", "a\\*b ab false",
      "a?b a☺b true", "a[^a]b a☺b true", "a???b a☺b false", "a[^a][^a][^a]b a☺b false",
      "[a-ζ]* α true", "*[a-ζ] A false", "a?b a/b false", "a*b a/b false", "[\\]a] ] true",
      "[\\-] - true", "[x\\-] x true", "[x\\-] - true", "[x\\-] z false", "[\\-x] x true",
      "[\\-x] - true", "[\\-x] a false", "*x xxx true",
  })
  void goFilepathMatchCases(String pattern, String name, boolean match) {
    assertEquals(match, IgnorePatterns.of(List.of(pattern), "test").excludes(name));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ' ', quoteCharacter = '`', value = {
      "[]a]", "[-]", "[x-]", "[-x]", "\\", "[a-b-c]", "[", "[^", "[^bc", "a[",
  })
  void badPatternsAreRejectedWhenCompiled(String pattern) {
    IgnorePatternException e = assertThrows(IgnorePatternException.class,
        () -> IgnorePatterns.of(List.of(pattern), "Dockerfile"));
    assertEquals("syntax error in pattern", e.reason());
  }

  @Test
  void singleExclamationIsAnError() {
    IgnorePatternException e = assertThrows(IgnorePatternException.class,
        () -> IgnorePatterns.of(List.of("!"), "test"));
    assertEquals("illegal exclusion pattern: \"!\"", e.reason());
  }

  @Test
  void noPatternsMatchNothingAndTheRootIsNeverExcluded() {
    assertTrue(!IgnorePatterns.of(List.of(), "t").excludes("/any/path/there"));
    assertTrue(!IgnorePatterns.of(List.of("*.go"), "t").excludes("."));
  }

  @Test
  void patternsAreTrimmedCleanedAndEmptyOnesDropped() {
    IgnorePatterns pm = IgnorePatterns.of(List.of("docs", "config", "", "  !docs/README.md  ", "a//b/../c/"), "t");
    assertEquals(List.of("docs", "config", "docs/README.md", "a/c"),
        pm.patterns().stream().map(IgnorePattern::pattern).toList());
    assertTrue(pm.hasExclusions());
    assertTrue(pm.patterns().get(2).exclusion());
  }

  /** patternmatcher's regression test for moby/moby#52203: the bad class range fails on every use. */
  @Test
  void patternValidForGlobButNotAsRegexFailsOnEachUse() {
    IgnorePatterns pm = IgnorePatterns.of(List.of("[Local-Only]/"), ".dockerignore");
    for (int i = 0; i < 2; i++) {
      IgnorePatternException e = assertThrows(IgnorePatternException.class, () -> pm.match("x", MatchResult.NONE));
      assertEquals("syntax error in pattern", e.reason());
    }
  }
}
