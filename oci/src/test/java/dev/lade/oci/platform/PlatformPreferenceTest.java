package dev.lade.oci.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases from containerd's compare_test.go (TestOnly, TestOnlyStrict). */
class PlatformPreferenceTest {
  static Stream<Arguments> only() {
    return Stream.of(
        Arguments.of("linux/amd64", List.of("linux/amd64", "linux/386"),
            List.of("linux/amd64/v2", "linux/arm/v7", "linux/arm64", "windows/amd64", "windows/arm")),
        Arguments.of("linux/amd64/v2", List.of("linux/amd64", "linux/amd64/v1", "linux/amd64/v2", "linux/386"),
            List.of("linux/amd64/v3", "linux/amd64/v4", "linux/arm/v7", "linux/arm64", "windows/amd64", "windows/arm")),
        Arguments.of("linux/386", List.of("linux/386"),
            List.of("linux/amd64", "linux/arm/v7", "linux/arm64", "windows/amd64", "windows/arm")),
        Arguments.of("windows/amd64", List.of("windows/amd64", "windows(10.0.17763)/amd64"),
            List.of("linux/amd64", "linux/arm/v7", "linux/arm64", "windows/arm")),
        Arguments.of("linux/arm/v8", List.of("linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7", "linux/arm/v8"),
            List.of("linux/amd64", "linux/arm/v4", "linux/arm64", "windows/amd64", "windows/arm")),
        Arguments.of("linux/arm/v7", List.of("linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7"),
            List.of("linux/amd64", "linux/arm/v4", "linux/arm/v8", "linux/arm64", "windows/amd64", "windows/arm")),
        Arguments.of("linux/arm/v6", List.of("linux/arm/v5", "linux/arm/v6"),
            List.of("linux/amd64", "linux/arm", "linux/arm/v4", "linux/arm/v7", "linux/arm/v8", "linux/arm64",
                "windows/amd64", "windows/arm")),
        Arguments.of("linux/arm/v5", List.of("linux/arm/v5"),
            List.of("linux/amd64", "linux/arm", "linux/arm/v4", "linux/arm/v6", "linux/arm/v7", "linux/arm/v8",
                "linux/arm64", "windows/amd64", "windows/arm")),
        Arguments.of("linux/arm/v4", List.of("linux/arm/v4"),
            List.of("linux/amd64", "linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7", "linux/arm/v8",
                "linux/arm64", "windows/amd64", "windows/arm")),
        Arguments.of("linux/arm64/v9",
            List.of("linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7", "linux/arm/v8", "linux/arm64",
                "linux/arm64/v8", "linux/arm64/v8.1", "linux/arm64/v8.2", "linux/arm64/v8.3", "linux/arm64/v8.4",
                "linux/arm64/v8.5", "linux/arm64/v9", "linux/arm64/v9.0"),
            List.of("linux/amd64", "linux/arm/v4", "windows/amd64", "windows/arm", "linux/arm64/v8.6")),
        Arguments.of("linux/arm64/v8.1",
            List.of("linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7", "linux/arm/v8", "linux/arm64",
                "linux/arm64/v8", "linux/arm64/v8.1"),
            List.of("linux/amd64", "linux/arm/v4", "linux/arm/v9", "linux/arm64/v9", "windows/amd64", "windows/arm")),
        Arguments.of("linux/arm64",
            List.of("linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7", "linux/arm/v8", "linux/arm64",
                "linux/arm64/v8"),
            List.of("linux/amd64", "linux/arm/v4", "linux/arm/v9", "linux/arm64/v9", "windows/amd64", "windows/arm")));
  }

  static Stream<Arguments> onlyStrict() {
    return Stream.of(
        Arguments.of("linux/amd64", List.of("linux/amd64"),
            List.of("linux/386", "linux/arm/v7", "linux/arm64", "windows/amd64", "windows/arm")),
        Arguments.of("windows(10.0.17763)/amd64", List.of("windows/amd64", "windows(10.0.17763)/amd64"),
            List.of("linux/amd64", "linux/arm/v7", "linux/arm64", "windows/arm")),
        Arguments.of("linux/arm/v8", List.of("linux/arm/v8"),
            List.of("linux/arm", "linux/arm/v5", "linux/arm/v6", "linux/arm/v7", "linux/amd64", "linux/arm64")),
        Arguments.of("linux/arm/v7", List.of("linux/arm", "linux/arm/v7"),
            List.of("linux/arm/v5", "linux/arm/v6", "linux/arm/v8", "linux/arm64", "windows/arm")),
        Arguments.of("linux/arm64/v9", List.of("linux/arm64/v9", "linux/arm64/v9.0"),
            List.of("linux/arm", "linux/arm/v8", "linux/arm64/v8", "linux/arm64/v8.1", "windows/arm")),
        Arguments.of("linux/arm64/v8.1", List.of("linux/arm64/v8.1"),
            List.of("linux/arm", "linux/arm64/v8", "linux/arm64/v9", "linux/arm/v9")),
        Arguments.of("linux/arm64", List.of("linux/arm64", "linux/arm64/v8"),
            List.of("linux/arm", "linux/arm/v8", "linux/arm64/v9", "linux/amd64")));
  }

  private static void check(PlatformMatcher matcher, String name, List<String> yes, List<String> no) {
    for (String s : yes) assertTrue(matcher.matches(Platform.parse(s)), name + " should match " + s);
    for (String s : no) assertFalse(matcher.matches(Platform.parse(s)), name + " should not match " + s);
  }

  @ParameterizedTest(name = "only {0}")
  @MethodSource("only")
  void onlyMatchesWhatThePlatformCanRun(String platform, List<String> yes, List<String> no) {
    check(PlatformPreference.only(Platform.parse(platform)), platform, yes, no);
  }

  @ParameterizedTest(name = "onlyStrict {0}")
  @MethodSource("onlyStrict")
  void onlyStrictMatchesJustThePlatform(String platform, List<String> yes, List<String> no) {
    check(PlatformPreference.onlyStrict(Platform.parse(platform)), platform, yes, no);
  }

  @Test
  void preferenceOrderIsBestFirst() {
    PlatformPreference pref = PlatformPreference.only(Platform.parse("linux/arm64"));
    List<Platform> candidates =
        Stream.of("linux/arm/v5", "linux/amd64", "linux/arm/v7", "linux/arm64").map(Platform::parse).toList();
    List<String> sorted = candidates.stream().sorted(pref.order()).map(Platform::toString).toList();
    assertEquals(List.of("linux/arm64", "linux/arm/v7", "linux/arm/v5", "linux/amd64"), sorted);
    assertEquals(0, pref.rank(Platform.parse("linux/arm64/v8")).getAsInt());
    assertTrue(pref.rank(Platform.parse("linux/amd64")).isEmpty());
  }

  @Test
  void bestPicksTheBestMatchAndTheFirstAmongEquals() {
    Map<String, Platform> index = new java.util.LinkedHashMap<>();
    index.put("first-386", Platform.parse("linux/386"));
    index.put("no-platform", null);
    index.put("amd64-a", Platform.parse("linux/amd64"));
    index.put("amd64-b", Platform.parse("linux/amd64"));
    index.put("arm64", Platform.parse("linux/arm64"));
    Function<String, Platform> platformOf = index::get;
    PlatformPreference amd64 = PlatformPreference.only(Platform.parse("linux/amd64"));
    assertEquals("amd64-a", amd64.best(index.keySet(), platformOf).orElseThrow());
    PlatformPreference s390x = PlatformPreference.only(Platform.parse("linux/s390x"));
    assertTrue(s390x.best(index.keySet(), platformOf).isEmpty());
  }

  @Test
  void windowsVersionsMustBeCompatible() {
    PlatformMatcher ltsc2019 = PlatformMatcher.exactly(Platform.parse("windows(10.0.17763)/amd64"));
    assertTrue(ltsc2019.matches(Platform.parse("windows(10.0.17763.1040)/amd64")));
    assertFalse(ltsc2019.matches(Platform.parse("windows(10.0.20348)/amd64")));
    PlatformMatcher ws2025 = PlatformMatcher.exactly(Platform.parse("windows(10.0.26100)/amd64"));
    assertTrue(ws2025.matches(Platform.parse("windows(10.0.20348.1)/amd64")));
    assertFalse(ws2025.matches(Platform.parse("windows(10.0.17763)/amd64")));
  }

  @Test
  void osFeaturesOfTheCandidateMustBeProvided() {
    PlatformMatcher gpuHost = PlatformMatcher.exactly(Platform.parse("linux(+gpu+simd)/amd64"));
    assertTrue(gpuHost.matches(Platform.parse("linux(+gpu)/amd64")));
    assertTrue(gpuHost.matches(Platform.parse("linux/amd64")));
    assertFalse(PlatformMatcher.exactly(Platform.parse("linux/amd64")).matches(Platform.parse("linux(+gpu)/amd64")));
  }
}
