package dev.lade.dockerfile.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How BuildKit's context walk (fsutil) applies the patterns, with Docker's documented examples. */
class WalkSemanticsTest {
  private static IgnorePatterns parse(String file) {
    return IgnorePatterns.parse(new StringReader(file), ".dockerignore");
  }

  @Test
  void dockerDocsWildcardExample() {
    IgnorePatterns pm = parse("# comment\n*/temp*\n*/*/temp*\ntemp?\n");
    assertTrue(pm.excludes("somedir/temporary.txt"));
    assertTrue(pm.excludes("somedir/temp"));
    assertTrue(pm.excludes("somedir/temp/inside.txt"));
    assertTrue(pm.excludes("somedir/subdir/temporary.txt"));
    assertTrue(pm.excludes("tempa"));
    assertFalse(pm.excludes("temporary.txt"));
    assertFalse(pm.excludes("tempab"));
  }

  @Test
  void dockerDocsExceptionExamples() {
    IgnorePatterns readmeKept = parse("*.md\n!README.md\n");
    assertTrue(readmeKept.excludes("CHANGELOG.md"));
    assertFalse(readmeKept.excludes("README.md"));

    IgnorePatterns secretDropped = parse("*.md\n!README*.md\nREADME-secret.md\n");
    assertTrue(secretDropped.excludes("README-secret.md"));
    assertFalse(secretDropped.excludes("README-public.md"));

    IgnorePatterns lastWins = parse("*.md\nREADME-secret.md\n!README*.md\n");
    assertFalse(lastWins.excludes("README-secret.md"));
  }

  @Test
  void doubleStarMatchesAtAnyDepthIncludingTheRoot() {
    IgnorePatterns pm = parse("**/*.go\n");
    assertTrue(pm.excludes("main.go"));
    assertTrue(pm.excludes("cmd/app/main.go"));
    assertFalse(pm.excludes("cmd/app/main.rs"));
  }

  @Test
  void patternMatchingADirectoryExcludesItsContents() {
    IgnorePatterns pm = parse("node_modules\n");
    assertTrue(pm.excludes("node_modules/left-pad/index.js"));
    assertFalse(pm.excludes("src/node_modules/x")); // only at the root: no leading **
  }

  @Test
  void fileReincludedInsideExcludedDirectory() {
    IgnorePatterns pm = parse("a\n!a/b/c\n");
    assertFalse(pm.excludes("a/b/c"));
    assertTrue(pm.excludes("a/b/d"));
    assertTrue(pm.excludes("a/b")); // the directory itself: a walker adds it back as a parent
  }

  /** fsutil feeds each directory's result to its children; an inclusion skipped there is not retried on parents. */
  @Test
  void walkResultDiffersFromMatchingFromScratch() {
    IgnorePatterns pm = parse("d\n!d/f*\nd\n");
    assertFalse(pm.excludes("d/file"));
    assertTrue(pm.match("d/file", MatchResult.NONE).excluded());
  }

  @Test
  void excludedDirectoryIsSkippedOnlyWhenNoExceptionCanReachInside() {
    IgnorePatterns pm = parse("build\nvendor\n!build/keep/**\n");
    MatchResult build = pm.match("build", MatchResult.NONE);
    assertTrue(build.excluded());
    assertFalse(pm.canSkipDirectory("build", build));
    MatchResult other = pm.match("build/other", build);
    assertTrue(pm.canSkipDirectory("build/other", other));
    assertTrue(pm.canSkipDirectory("vendor", pm.match("vendor", MatchResult.NONE)));
    assertFalse(pm.excludes("build/keep/x.txt"));
    assertTrue(pm.excludes("build/other/x.txt"));
  }

  @Test
  void wildcardExceptionMeansNoDirectoryIsSkipped() {
    IgnorePatterns pm = parse("**\n!**/*.go\n");
    MatchResult vendor = pm.match("vendor", MatchResult.NONE);
    assertTrue(vendor.excluded());
    assertFalse(pm.canSkipDirectory("vendor", vendor));
    assertFalse(pm.excludes("vendor/lib/x.go"));
    assertTrue(pm.excludes("vendor/lib/x.c"));
  }

  @Test
  void withoutExceptionsEveryExcludedDirectoryIsSkipped() {
    IgnorePatterns pm = parse("*/temp*\n");
    assertTrue(pm.canSkipDirectory("x/temp", pm.match("x/temp", MatchResult.NONE)));
    assertFalse(pm.canSkipDirectory("x", pm.match("x", MatchResult.NONE)));
  }

  @Test
  void pathsAreCleanedAndTheRootIsNeverExcluded() {
    IgnorePatterns pm = parse("**\n");
    assertFalse(pm.excludes("."));
    assertFalse(pm.excludes("/"));
    assertTrue(pm.excludes("/a//b/./c"));
  }

  @Test
  void parentResultFromOtherPatternsIsRejected() {
    MatchResult foreign = parse("a\nb\n").match("a", MatchResult.NONE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("a\n").match("a/x", foreign));
    assertEquals("wrong number of values in parentMatched", e.getMessage());
  }

  @Test
  void emptyPatternsExcludeNothing() {
    assertFalse(IgnorePatterns.empty().excludes("anything"));
    assertEquals(List.of(), IgnorePatterns.empty().patterns());
  }
}
