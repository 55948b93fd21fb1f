package dev.lade.buildkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WORKDIR's value in the config, as BuildKit's NormalizeWorkdir gives it on Linux (dockerd 20.10 agrees). */
class WorkdirsTest {
  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
      "'', /app, /app",
      "/app, src, /app/src",
      "/app/src, .., /app",
      "/, relative/path/, /relative/path",
      "/a, //double//x/, //double//x/",
      "/a, /b/, /b/",
      "//double//x/, y, /double/x/y",
  })
  void absolutePathsStayAsWrittenRelativeOnesAreJoinedAndCleaned(String current, String requested, String expected) {
    assertEquals(expected, Workdirs.normalize(current, requested));
  }
}
