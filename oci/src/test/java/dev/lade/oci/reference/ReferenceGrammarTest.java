package dev.lade.oci.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** distribution/reference's TestReferenceParse table, against {@link Reference#parseUnnormalized}. */
class ReferenceGrammarTest {
  private static final String F64 = "f".repeat(64);
  private static final String INVALID = "invalid reference format";

  // input, repository (name), domain, tag, digest
  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("test_com", "test_com", "", "", ""),
        Arguments.of("test.com:tag", "test.com", "", "tag", ""),
        Arguments.of("test.com:5000", "test.com", "", "5000", ""),
        Arguments.of("test.com/repo:tag", "test.com/repo", "test.com", "tag", ""),
        Arguments.of("test:5000/repo", "test:5000/repo", "test:5000", "", ""),
        Arguments.of("test:5000/repo:tag", "test:5000/repo", "test:5000", "tag", ""),
        Arguments.of("test:5000/repo@sha256:" + F64, "test:5000/repo", "test:5000", "", "sha256:" + F64),
        Arguments.of("test:5000/repo:tag@sha256:" + F64, "test:5000/repo", "test:5000", "tag", "sha256:" + F64),
        Arguments.of("lowercase:Uppercase", "lowercase", "", "Uppercase", ""),
        Arguments.of("a/".repeat(127) + "a:tag-puts-this-over-max", "a/".repeat(127) + "a", "a",
            "tag-puts-this-over-max", ""),
        Arguments.of("sub-dom1.foo.com/bar/baz/quux", "sub-dom1.foo.com/bar/baz/quux", "sub-dom1.foo.com", "", ""),
        Arguments.of("sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com/bar/baz/quux",
            "sub-dom1.foo.com", "some-long-tag", ""),
        Arguments.of("b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io/test.example.com/my-app",
            "b.gcr.io", "test.example.com", ""),
        Arguments.of("xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com/myimage", "xn--n3h.com", "xn--n3h.com", ""),
        Arguments.of("xn--7o8h.com/myimage:xn--7o8h.com@sha512:" + "f".repeat(128), "xn--7o8h.com/myimage",
            "xn--7o8h.com", "xn--7o8h.com", "sha512:" + "f".repeat(128)),
        Arguments.of("foo_bar.com:8080", "foo_bar.com", "", "8080", ""),
        Arguments.of("foo/foo_bar.com:8080", "foo/foo_bar.com", "foo", "8080", ""),
        Arguments.of("192.168.1.1", "192.168.1.1", "", "", ""),
        Arguments.of("192.168.1.1:tag", "192.168.1.1", "", "tag", ""),
        Arguments.of("192.168.1.1:5000", "192.168.1.1", "", "5000", ""),
        Arguments.of("192.168.1.1/repo", "192.168.1.1/repo", "192.168.1.1", "", ""),
        Arguments.of("192.168.1.1:5000/repo", "192.168.1.1:5000/repo", "192.168.1.1:5000", "", ""),
        Arguments.of("192.168.1.1:5000/repo:5050", "192.168.1.1:5000/repo", "192.168.1.1:5000", "5050", ""),
        Arguments.of("[2001:db8::1]/repo", "[2001:db8::1]/repo", "[2001:db8::1]", "", ""),
        Arguments.of("[2001:db8:1:2:3:4:5:6]/repo:tag", "[2001:db8:1:2:3:4:5:6]/repo", "[2001:db8:1:2:3:4:5:6]",
            "tag", ""),
        Arguments.of("[2001:db8::1]:5000/repo", "[2001:db8::1]:5000/repo", "[2001:db8::1]:5000", "", ""),
        Arguments.of("[2001:db8::1]:5000/repo:tag", "[2001:db8::1]:5000/repo", "[2001:db8::1]:5000", "tag", ""),
        Arguments.of("[2001:db8::1]:5000/repo@sha256:" + F64, "[2001:db8::1]:5000/repo", "[2001:db8::1]:5000", "",
            "sha256:" + F64),
        Arguments.of("[2001:db8::1]:5000/repo:tag@sha256:" + F64, "[2001:db8::1]:5000/repo", "[2001:db8::1]:5000",
            "tag", "sha256:" + F64),
        Arguments.of("[2001:db8::]:5000/repo", "[2001:db8::]:5000/repo", "[2001:db8::]:5000", "", ""),
        Arguments.of("[::1]:5000/repo", "[::1]:5000/repo", "[::1]:5000", "", ""),
        Arguments.of("example.com/" + "a".repeat(255) + ":tag", "example.com/" + "a".repeat(255), "example.com",
            "tag", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parsesValidReferences(String input, String name, String domain, String tag, String digest) {
    Reference ref = Reference.parseUnnormalized(input);
    assertEquals(input, ref.toString());
    assertEquals(name, ref.name());
    assertEquals(domain, ref.domain());
    assertEquals(tag, ref.tag());
    if (digest.isEmpty()) assertNull(ref.digest());
    else assertEquals(digest, ref.digest().toString());
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("", INVALID + ": repository name must have at least one component"),
        Arguments.of(":justtag", INVALID),
        Arguments.of("@sha256:" + F64, INVALID),
        Arguments.of("repo@sha256:" + "f".repeat(34),
            INVALID + ": invalid checksum digest length: sha256 needs 64 hex characters, got 34 in \"sha256:"
                + "f".repeat(34) + "\""),
        Arguments.of("validname@invaliddigest:" + F64,
            INVALID + ": unsupported digest algorithm: \"invaliddigest\" (use sha256 or sha512)"),
        Arguments.of("Uppercase:tag", INVALID + ": repository name must be lowercase"),
        Arguments.of("test:5000/Uppercase/lowercase:tag", INVALID + ": repository name must be lowercase"),
        Arguments.of("domain/" + "a".repeat(256) + ":tag", INVALID + ": repository name must not be more than 255 characters"),
        Arguments.of("aa/asdf$$^/aa", INVALID),
        Arguments.of("[2001:db8::1]", INVALID),
        Arguments.of("[2001:db8::1]:5000", INVALID),
        Arguments.of("[2001:db8::1]:tag", INVALID),
        Arguments.of("[fe80::1%eth0]:5000/repo", INVALID),
        Arguments.of("[fe80::1%@invalidzone]:5000/repo", INVALID));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalid")
  void rejectsInvalidReferencesWithGoMessages(String input, String message) {
    InvalidReferenceException e =
        assertThrows(InvalidReferenceException.class, () -> Reference.parseUnnormalized(input));
    assertEquals(message, e.getMessage());
    assertEquals(input, e.input());
  }

  @Test
  void splitsDomainAndPath() {
    String[][] cases = {
      {"test.com/foo", "test.com", "foo"},
      {"test_com/foo", "", "test_com/foo"},
      {"test:8080/foo", "test:8080", "foo"},
      {"test.com:8080/foo", "test.com:8080", "foo"},
      {"test-com:8080/foo", "test-com:8080", "foo"},
      {"xn--n3h.com:18080/foo", "xn--n3h.com:18080", "foo"},
    };
    for (String[] c : cases) {
      Reference ref = Reference.parseUnnormalized(c[0]);
      assertEquals(c[1], ref.domain(), c[0]);
      assertEquals(c[2], ref.path(), c[0]);
    }
  }

  @Test
  void pathologicalInputFailsFast() {
    String evil = "a.".repeat(20_000) + "-".repeat(20_000) + "!";
    long start = System.nanoTime();
    assertThrows(InvalidReferenceException.class, () -> Reference.parseUnnormalized(evil));
    assertThrows(InvalidReferenceException.class, () -> Reference.parse(evil));
    String dashes = "a" + "-a".repeat(30_000) + "/B";
    assertThrows(InvalidReferenceException.class, () -> Reference.parse(dashes));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(true, millis < 2000, "took " + millis + " ms");
  }
}
