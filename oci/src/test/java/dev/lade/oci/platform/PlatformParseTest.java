package dev.lade.oci.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases from containerd's platforms_test.go (TestParseSelector and friends). */
class PlatformParseTest {
  private static final String HOST_OS = HostPlatform.os();
  private static final String HOST_ARCH = HostPlatform.architecture();

  private static Platform p(String os, String arch, String variant) {
    return Platform.of(os, arch, variant);
  }

  static Stream<Arguments> specifiers() {
    return Stream.of(
        Arguments.of("linux/arm64", p("linux", "arm64", ""), "linux/arm64",
            List.of(p("linux", "aarch64", ""), p("linux", "aarch64", "v8"), p("linux", "arm64", "v8"))),
        Arguments.of("linux/arm64/v8", p("linux", "arm64", "v8"), "linux/arm64/v8",
            List.of(p("linux", "aarch64", ""), p("linux", "aarch64", "v8"), p("linux", "arm64", ""))),
        Arguments.of("linux/arm", p("linux", "arm", ""), "linux/arm",
            List.of(p("linux", "arm", "v7"), p("linux", "armhf", ""), p("linux", "arm", "7"))),
        Arguments.of("linux/arm/v6", p("linux", "arm", "v6"), "linux/arm/v6",
            List.of(p("linux", "armel", ""))),
        Arguments.of("linux/arm/v7", p("linux", "arm", "v7"), "linux/arm/v7",
            List.of(p("linux", "arm", ""), p("linux", "armhf", ""))),
        Arguments.of("arm", p(HOST_OS, "arm", ""), HOST_OS + "/arm", List.of()),
        Arguments.of("armel", p(HOST_OS, "arm", "v6"), HOST_OS + "/arm/v6", List.of()),
        Arguments.of("armhf", p(HOST_OS, "arm", ""), HOST_OS + "/arm", List.of()),
        Arguments.of("Aarch64", p(HOST_OS, "arm64", ""), HOST_OS + "/arm64", List.of()),
        Arguments.of("x86_64", p(HOST_OS, "amd64", ""), HOST_OS + "/amd64", List.of()),
        Arguments.of("Linux/x86_64", p("linux", "amd64", ""), "linux/amd64", List.of()),
        Arguments.of("i386", p(HOST_OS, "386", ""), HOST_OS + "/386", List.of()),
        Arguments.of("s390x", p(HOST_OS, "s390x", ""), HOST_OS + "/s390x", List.of()),
        Arguments.of("linux/s390x", p("linux", "s390x", ""), "linux/s390x", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specifiers")
  void parsesNormalisesMatchesAndFormats(
      String input, Platform expected, String formatted, List<Platform> alsoMatches) {
    Platform parsed = Platform.parse(input);
    assertEquals(expected, parsed);
    PlatformMatcher matcher = PlatformMatcher.exactly(parsed);
    assertTrue(matcher.matches(expected));
    for (Platform other : alsoMatches) assertTrue(matcher.matches(other), other::toString);
    assertEquals(formatted, parsed.toString());
    assertEquals(formatted, Platform.parse(formatted).toString());
  }

  @Test
  void aLoneOsTakesTheHostArchitecture() {
    Platform linux = Platform.parse("linux");
    assertEquals("linux", linux.os());
    assertEquals(HOST_ARCH, linux.architecture());
    assertEquals("darwin", Platform.parse("macOS").os());
  }

  @Test
  void parsesOsVersionAndFeatures() {
    Platform windows = Platform.parse("windows(10.0.17763+win32k)/amd64");
    assertEquals(new Platform("windows", "amd64", "", "10.0.17763", List.of("win32k")), windows);
    assertEquals("windows(10.0.17763+win32k)/amd64", windows.formatAll());
    assertEquals("windows/amd64", windows.toString());

    Platform gpu = Platform.parse("linux(+unsorted+erofs)/amd64");
    assertEquals(List.of("unsorted", "erofs"), gpu.osFeatures());
    assertEquals("linux(+erofs+unsorted)/amd64", gpu.formatAll());
    assertEquals("", Platform.parse("windows()/amd64").osVersion());
  }

  static Stream<Arguments> encodedOptions() {
    return Stream.of(
        Arguments.of(new Platform("windows", "amd64", "", "10.0.17763+build.42", List.of()),
            "windows(10.0.17763%2Bbuild.42)/amd64"),
        Arguments.of(new Platform("windows", "amd64", "", "10.0.17763+build.42", List.of("win32k")),
            "windows(10.0.17763%2Bbuild.42+win32k)/amd64"),
        Arguments.of(new Platform("windows", "amd64", "", "50%done", List.of()), "windows(50%25done)/amd64"),
        Arguments.of(new Platform("windows", "amd64", "", "1.0(beta)", List.of()), "windows(1.0%28beta%29)/amd64"),
        Arguments.of(new Platform("windows", "amd64", "", "a/b", List.of()), "windows(a%2Fb)/amd64"),
        Arguments.of(new Platform("linux", "amd64", "", "", List.of("feat+v2")), "linux(+feat%2Bv2)/amd64"),
        Arguments.of(new Platform("linux", "amd64", "", "", List.of("100%gpu")), "linux(+100%25gpu)/amd64"),
        Arguments.of(new Platform("windows", "amd64", "", "10.0+build", List.of("feat+1")),
            "windows(10.0%2Bbuild+feat%2B1)/amd64"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("encodedOptions")
  void formatAllEncodesOptionsAndRoundTrips(Platform platform, String expected) {
    assertEquals(expected, platform.formatAll());
    Platform reparsed = Platform.parse(expected);
    assertEquals(platform.osVersion(), reparsed.osVersion());
    assertEquals(platform.osFeatures(), reparsed.osFeatures());
  }

  @Test
  void formatAllSkipsEmptyFeatures() {
    Platform p = new Platform("linux", "amd64", "", "", List.of("", "gpu", "", "simd"));
    assertEquals("linux(+gpu+simd)/amd64", p.formatAll());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/linux/arm", "linux/arm/", "linux /arm", "linux/&arm", "linux/arm/foo/bar", "*", "foo"})
  void rejectsInvalidSpecifiers(String input) {
    InvalidPlatformException e = assertThrows(InvalidPlatformException.class, () -> Platform.parse(input));
    assertTrue(e.getMessage().endsWith(": invalid argument"), e.getMessage());
  }

  @Test
  void errorMessagesMirrorContainerd() {
    assertEquals(
        "\"linux/arm/foo/bar\": cannot parse platform specifier: invalid argument",
        assertThrows(InvalidPlatformException.class, () -> Platform.parse("linux/arm/foo/bar")).getMessage());
    assertEquals(
        "\"&arm\" is an invalid component of \"linux/&arm\": platform specifier component must match"
            + " \"^[A-Za-z0-9_.-]+$\": invalid argument",
        assertThrows(InvalidPlatformException.class, () -> Platform.parse("linux/&arm")).getMessage());
    assertEquals(
        "\"foo\": unknown operating system or architecture: invalid argument",
        assertThrows(InvalidPlatformException.class, () -> Platform.parse("foo")).getMessage());
  }

  @Test
  void normalizeFollowsContainerd() {
    assertEquals(p("linux", "arm64", ""), p("Linux", "AArch64", "v8").normalize());
    assertEquals(p("linux", "arm64", ""), p("linux", "arm64", "8").normalize());
    assertEquals(p("linux", "arm64", "v9"), p("linux", "arm64", "v9.0").normalize());
    assertEquals(p("linux", "amd64", ""), p("linux", "x86-64", "v1").normalize());
    assertEquals(p("linux", "amd64", "v3"), p("linux", "x86_64", "v3").normalize());
    assertEquals(p("linux", "arm", "v7"), p("linux", "arm", "").normalize());
    assertEquals(p("linux", "arm", "v7"), p("linux", "armhf", "").normalize());
    assertEquals(p("linux", "arm", "v6"), p("linux", "armel", "").normalize());
    assertEquals(p("linux", "arm", "v5"), p("linux", "arm", "5").normalize());
    assertEquals(p("linux", "386", ""), p("linux", "i386", "whatever").normalize());
    assertEquals(p("darwin", "arm64", ""), p("macos", "arm64", "").normalize());
    assertEquals(
        List.of("a", "b"), new Platform("linux", "amd64", "", "", List.of("b", "a", "b")).normalize().osFeatures());
  }

  @Test
  void withoutOsFormatsAsUnknown() {
    assertEquals("unknown", new Platform("", "amd64", "", "", List.of()).toString());
  }
}
