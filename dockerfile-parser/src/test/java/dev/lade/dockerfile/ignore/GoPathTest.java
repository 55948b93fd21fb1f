package dev.lade.dockerfile.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases from Go's {@code path/filepath} Clean and Dir tests. */
class GoPathTest {
  @ParameterizedTest(name = "Clean({0}) = {1}")
  @CsvSource(quoteCharacter = '`', value = {
      "``, .", "abc, abc", "abc/def, abc/def", "a/b/c, a/b/c", "., .", "., .", "../../.., ../../..",
      "/, /", "abc/, abc", "abc/def/, abc/def", "/abc/, /abc", "abc//def//ghi, abc/def/ghi", "//abc, /abc",
      "abc//, abc", "abc/./def, abc/def", "/./abc/def, /abc/def", "abc/., abc", "abc/def/ghi/../jkl, abc/def/jkl",
      "abc/def/../ghi/../jkl, abc/jkl", "abc/def/.., abc", "abc/def/../.., .", "/abc/def/../.., /",
      "abc/def/../../.., ..", "/abc/def/../../.., /", "abc/def/../../../ghi/jkl/../../../mno, ../../mno",
      "abc/./../def, def", "abc//./../def, def", "abc/../../././../def, ../../def",
  })
  void clean(String path, String cleaned) {
    assertEquals(cleaned, GoPath.clean(path));
  }

  @ParameterizedTest(name = "Dir({0}) = {1}")
  @CsvSource(quoteCharacter = '`', value = {
      "``, .", "., .", "/., /", "/, /", "////, /", "/foo, /", "x/, x", "abc, .", "abc/def, abc",
      "a/b/.x, a/b", "a/b/c., a/b", "a/b/c.x, a/b",
  })
  void dir(String path, String dir) {
    assertEquals(dir, GoPath.dir(path));
  }
}
