package dev.lade.dockerfile.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code TestMatches} table of moby/patternmatcher's {@code patternmatcher_test.go} (Linux
 * rows), checked through every way of matching that Go test checks.
 */
class PatternMatcherTableTest {
  enum Expect { FAIL, EXACT, INEXACT }

  static Stream<Arguments> singlePatterns() {
    return Stream.of(
        row("**", "file", Expect.EXACT),
        row("**", "file/", Expect.EXACT),
        row("**/", "file", Expect.EXACT),
        row("**/", "file/", Expect.EXACT),
        row("**", "/", Expect.EXACT),
        row("**/", "/", Expect.EXACT),
        row("**", "dir/file", Expect.EXACT),
        row("**/", "dir/file", Expect.EXACT),
        row("**", "dir/file/", Expect.EXACT),
        row("**/", "dir/file/", Expect.EXACT),
        row("**/**", "dir/file", Expect.EXACT),
        row("**/**", "dir/file/", Expect.EXACT),
        row("dir/**", "dir/file", Expect.EXACT),
        row("dir/**", "dir/file/", Expect.EXACT),
        row("dir/**", "dir/dir2/file", Expect.EXACT),
        row("dir/**", "dir/dir2/file/", Expect.EXACT),
        row("**/dir", "dir", Expect.EXACT),
        row("**/dir", "dir/file", Expect.INEXACT),
        row("**/dir2/*", "dir/dir2/file", Expect.EXACT),
        row("**/dir2/*", "dir/dir2/file/", Expect.INEXACT),
        row("**/dir2/**", "dir/dir2/dir3/file", Expect.EXACT),
        row("**/dir2/**", "dir/dir2/dir3/file/", Expect.EXACT),
        row("**file", "file", Expect.EXACT),
        row("**file", "dir/file", Expect.EXACT),
        row("**/file", "dir/file", Expect.EXACT),
        row("**file", "dir/dir/file", Expect.EXACT),
        row("**/file", "dir/dir/file", Expect.EXACT),
        row("**/file*", "dir/dir/file", Expect.EXACT),
        row("**/file*", "dir/dir/file.txt", Expect.EXACT),
        row("**/file*txt", "dir/dir/file.txt", Expect.EXACT),
        row("**/file*.txt", "dir/dir/file.txt", Expect.EXACT),
        row("**/file*.txt*", "dir/dir/file.txt", Expect.EXACT),
        row("**/**/*.txt", "dir/dir/file.txt", Expect.EXACT),
        row("**/**/*.txt2", "dir/dir/file.txt", Expect.FAIL),
        row("**/*.txt", "file.txt", Expect.EXACT),
        row("**/**/*.txt", "file.txt", Expect.EXACT),
        row("a**/*.txt", "a/file.txt", Expect.EXACT),
        row("a**/*.txt", "a/dir/file.txt", Expect.EXACT),
        row("a**/*.txt", "a/dir/dir/file.txt", Expect.EXACT),
        row("a/*.txt", "a/dir/file.txt", Expect.FAIL),
        row("a/*.txt", "a/file.txt", Expect.EXACT),
        row("a/*.txt**", "a/file.txt", Expect.EXACT),
        row("a[b-d]e", "ae", Expect.FAIL),
        row("a[b-d]e", "ace", Expect.EXACT),
        row("a[b-d]e", "aae", Expect.FAIL),
        row("a[^b-d]e", "aze", Expect.EXACT),
        row(".*", ".foo", Expect.EXACT),
        row(".*", "foo", Expect.FAIL),
        row("abc.def", "abcdef", Expect.FAIL),
        row("abc.def", "abc.def", Expect.EXACT),
        row("abc.def", "abcZdef", Expect.FAIL),
        row("abc?def", "abcZdef", Expect.EXACT),
        row("abc?def", "abcdef", Expect.FAIL),
        row("**/foo/bar", "foo/bar", Expect.EXACT),
        row("**/foo/bar", "dir/foo/bar", Expect.EXACT),
        row("**/foo/bar", "dir/dir2/foo/bar", Expect.EXACT),
        row("abc/**", "abc", Expect.FAIL),
        row("abc/**", "abc/def", Expect.EXACT),
        row("abc/**", "abc/def/ghi", Expect.EXACT),
        row("**/.foo", ".foo", Expect.EXACT),
        row("**/.foo", "bar.foo", Expect.FAIL),
        row("a(b)c/def", "a(b)c/def", Expect.EXACT),
        row("a(b)c/def", "a(b)c/xyz", Expect.FAIL),
        row("a.|)$(}+{bc", "a.|)$(}+{bc", Expect.EXACT),
        row("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
            "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Expect.EXACT),
        row("dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Expect.EXACT),
        // The rows Go adds on non-Windows systems.
        row("a\\\\", "a\\", Expect.EXACT),
        row("a\\*b", "a*b", Expect.EXACT));
  }

  static Stream<Arguments> multiPatterns() {
    return Stream.of(
        Arguments.of(List.of("**", "!util/docker/web"), "util/docker/web/foo", Expect.FAIL),
        Arguments.of(List.of("**", "!util/docker/web", "util/docker/web/foo"), "util/docker/web/foo", Expect.EXACT),
        Arguments.of(List.of("**", "!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl"),
            "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Expect.FAIL),
        Arguments.of(List.of("**", "!dist/*.whl"), "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", Expect.FAIL));
  }

  private static Arguments row(String pattern, String text, Expect expect) {
    return Arguments.of(pattern, text, expect);
  }

  @ParameterizedTest(name = "MatchesExact {0} ~ {1} -> {2}")
  @MethodSource("singlePatterns")
  void matchesExact(String pattern, String text, Expect expect) {
    IgnorePattern p = IgnorePatterns.of(List.of(pattern), "test").patterns().get(0);
    assertEquals(expect == Expect.EXACT, p.matches(text));
  }

  @ParameterizedTest(name = "MatchesOrParentMatches {0} ~ {1} -> {2}")
  @MethodSource("singlePatterns")
  void matchesOrParentMatches(String pattern, String text, Expect expect) {
    IgnorePatterns pm = IgnorePatterns.of(List.of(pattern), "test");
    assertEquals(expect != Expect.FAIL, pm.match(text, MatchResult.NONE).excluded());
  }

  @ParameterizedTest(name = "MatchesUsingParentResults {0} ~ {1} -> {2}")
  @MethodSource("singlePatterns")
  void matchesUsingParentResults(String pattern, String text, Expect expect) {
    IgnorePatterns pm = IgnorePatterns.of(List.of(pattern), "test");
    assertEquals(expect != Expect.FAIL, matchWithParents(pm, text));
  }

  @ParameterizedTest(name = "multi MatchesOrParentMatches {0} ~ {1} -> {2}")
  @MethodSource("multiPatterns")
  void multiMatchesOrParentMatches(List<String> patterns, String text, Expect expect) {
    IgnorePatterns pm = IgnorePatterns.of(patterns, "test");
    assertEquals(expect != Expect.FAIL, pm.match(text, MatchResult.NONE).excluded());
  }

  @ParameterizedTest(name = "multi MatchesUsingParentResults {0} ~ {1} -> {2}")
  @MethodSource("multiPatterns")
  void multiMatchesUsingParentResults(List<String> patterns, String text, Expect expect) {
    IgnorePatterns pm = IgnorePatterns.of(patterns, "test");
    assertEquals(expect != Expect.FAIL, matchWithParents(pm, text));
  }

  /** As the Go test does: feed each parent directory's result into the next match. */
  private static boolean matchWithParents(IgnorePatterns pm, String text) {
    String parent = GoPath.dir(text);
    MatchResult info = MatchResult.NONE;
    if (!parent.equals(".")) {
      String[] dirs = parent.split("/", -1);
      for (int i = 0; i < dirs.length; i++) {
        info = pm.match(String.join("/", List.of(dirs).subList(0, i + 1)), info);
      }
    }
    return pm.match(text, info).excluded();
  }
}
