package dev.lade.oci.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.oci.digest.Digest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** distribution/reference's normalize_test.go and the WithTag/WithDigest/ParseNamed tables. */
class ReferenceTest {
  @Test
  void normalisesDockerHubNames() {
    assertEquals("docker.io/library/busybox", Reference.parse("busybox").toString());
    assertEquals("docker.io/library/busybox:latest", Reference.parse("busybox").withDefaultTag().toString());
    assertEquals("docker.io/library/busybox:1.36", Reference.parse("busybox:1.36").withDefaultTag().toString());
    assertEquals("docker.io/library/busybox", Reference.parse("index.docker.io/busybox").toString());
    assertEquals("docker.io/library/busybox", Reference.parse("docker.io/busybox").toString());
    assertEquals("docker.io/dmcgowan/myapp", Reference.parse("dmcgowan/myapp").toString());
    assertEquals("localhost/foo", Reference.parse("localhost/foo").toString());
    assertEquals("localhost:5000/foo:bar", Reference.parse("localhost:5000/foo:bar").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "docker/docker", "library/debian", "debian", "docker.io/docker/docker", "docker.io/library/debian",
    "docker.io/debian", "index.docker.io/docker/docker", "index.docker.io/library/debian", "index.docker.io/debian",
    "127.0.0.1:5000/docker/docker", "127.0.0.1:5000/library/debian", "127.0.0.1:5000/debian", "192.168.0.1",
    "192.168.0.1:80", "192.168.0.1:8/debian", "192.168.0.2:25000/debian",
    "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev", "[fc00::1]:5000/docker",
    "[fc00::1]:5000/docker/docker", "[fc00:1:2:3:4:5:6:7]:5000/library/debian",
    "docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a", "Docker/docker", "DOCKER/docker",
    "docker-rules/docker", "docker---rules/docker", "doc/docker", "d/docker", "jess/t", "dock__er/docker",
  })
  void acceptsValidNames(String name) {
    Reference.parse(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "https://github.com/docker/docker", "docker/Docker", "-docker", "-docker/docker", "-docker.io/docker/docker",
    "docker///docker", "docker.io/docker/Docker", "docker.io/docker///docker", "[fc00::1]", "[fc00::1]:5000",
    "fc00::1:5000/debian", "[fe80::1%eth0]:5000/debian", "[2001:db8:3:4::192.0.2.33]:5000/debian",
    "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a", "docker-/docker", "-docker-/docker",
    "____/____", "_docker/_docker", "dock..er/docker", "dock_.er/docker", "dock-.er/docker", "docker/", "",
    "this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its"
        + "_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a"
        + "_valid_namespace_because_its_lenth_is_greater_than_255/docker",
  })
  void rejectsInvalidNames(String name) {
    assertThrows(InvalidReferenceException.class, () -> Reference.parse(name));
  }

  @Test
  void errorMessagesMirrorDistributionReference() {
    assertEquals(
        "invalid reference format: repository name (library/Foo) must be lowercase",
        assertThrows(InvalidReferenceException.class, () -> Reference.parse("Foo")).getMessage());
    assertEquals(
        "invalid reference format: repository name (docker/Docker) must be lowercase",
        assertThrows(InvalidReferenceException.class, () -> Reference.parse("docker/Docker:Tag")).getMessage());
    String hex = "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a";
    assertEquals(
        "invalid reference format: invalid repository name (" + hex + "), cannot specify 64-byte hexadecimal strings",
        assertThrows(InvalidReferenceException.class, () -> Reference.parse(hex)).getMessage());
    assertEquals(
        "invalid reference format",
        assertThrows(InvalidReferenceException.class, () -> Reference.parse("")).getMessage());
  }

  // remote name, familiar name, full name, ambiguous name, domain (TestParseRepositoryInfo)
  private static final List<String[]> REPOSITORY_INFO = List.of(
      new String[] {"fooo/bar", "fooo/bar", "docker.io/fooo/bar", "index.docker.io/fooo/bar", "docker.io"},
      new String[] {"library/ubuntu", "ubuntu", "docker.io/library/ubuntu", "library/ubuntu", "docker.io"},
      new String[] {"nonlibrary/ubuntu", "nonlibrary/ubuntu", "docker.io/nonlibrary/ubuntu", "", "docker.io"},
      new String[] {"other/library", "other/library", "docker.io/other/library", "", "docker.io"},
      new String[] {"private/moonbase", "127.0.0.1:8000/private/moonbase", "127.0.0.1:8000/private/moonbase", "", "127.0.0.1:8000"},
      new String[] {"privatebase", "127.0.0.1:8000/privatebase", "127.0.0.1:8000/privatebase", "", "127.0.0.1:8000"},
      new String[] {"private/moonbase", "example.com/private/moonbase", "example.com/private/moonbase", "", "example.com"},
      new String[] {"privatebase", "example.com/privatebase", "example.com/privatebase", "", "example.com"},
      new String[] {"private/moonbase", "example.com:8000/private/moonbase", "example.com:8000/private/moonbase", "", "example.com:8000"},
      new String[] {"privatebasee", "example.com:8000/privatebasee", "example.com:8000/privatebasee", "", "example.com:8000"},
      new String[] {"library/ubuntu-12.04-base", "ubuntu-12.04-base", "docker.io/library/ubuntu-12.04-base",
          "index.docker.io/library/ubuntu-12.04-base", "docker.io"},
      new String[] {"library/foo", "foo", "docker.io/library/foo", "docker.io/foo", "docker.io"},
      new String[] {"library/foo/bar", "library/foo/bar", "docker.io/library/foo/bar", "", "docker.io"},
      new String[] {"store/foo/bar", "store/foo/bar", "docker.io/store/foo/bar", "", "docker.io"},
      new String[] {"bar", "Foo/bar", "Foo/bar", "", "Foo"},
      new String[] {"bar", "FOO/bar", "FOO/bar", "", "FOO"});

  @Test
  void repositoryInfoOfFamiliarFullAndAmbiguousNames() {
    for (String[] c : REPOSITORY_INFO) {
      List<String> inputs = c[3].isEmpty() ? List.of(c[1], c[2]) : List.of(c[1], c[2], c[3]);
      for (String input : inputs) {
        Reference ref = Reference.parse(input);
        assertEquals(c[1], ref.familiarName(), input);
        assertEquals(c[2], ref.toString(), input);
        assertEquals(c[4], ref.domain(), input);
        assertEquals(c[0], ref.path(), input);
      }
    }
  }

  @Test
  void keepsBothTagAndDigest() {
    String shortRef = "busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";
    Reference ref = Reference.parse(shortRef);
    assertEquals("docker.io/library/" + shortRef, ref.toString());
    assertEquals("latest", ref.tag());
    assertEquals(shortRef, ref.familiar());
    assertEquals(ref, ref.withDefaultTag());
    assertEquals("docker.io/library/busybox", ref.nameOnly().toString());
  }

  @Test
  void splitsNormalisedHostnames() {
    String[][] cases = {
      {"test.com/foo", "test.com", "foo"},
      {"test_com/foo", "docker.io", "test_com/foo"},
      {"docker/migrator", "docker.io", "docker/migrator"},
      {"test.com:8080/foo", "test.com:8080", "foo"},
      {"test-com:8080/foo", "test-com:8080", "foo"},
      {"foo", "docker.io", "library/foo"},
      {"xn--n3h.com/foo", "xn--n3h.com", "foo"},
      {"xn--n3h.com:18080/foo", "xn--n3h.com:18080", "foo"},
      {"docker.io/foo", "docker.io", "library/foo"},
      {"docker.io/library/foo", "docker.io", "library/foo"},
      {"docker.io/library/foo/bar", "docker.io", "library/foo/bar"},
    };
    for (String[] c : cases) {
      Reference ref = Reference.parse(c[0]);
      assertEquals(c[1], ref.domain(), c[0]);
      assertEquals(c[2], ref.path(), c[0]);
    }
  }

  @Test
  void withTagAndWithDigestCombine() {
    Digest digest = Digest.parse("sha256:" + "1234567890".repeat(6) + "1234");
    Reference named = Reference.parseUnnormalized("test.com:8000/foo");
    assertEquals("test.com:8000/foo:TAG5", named.withTag("TAG5").toString());
    assertEquals("test.com:8000/foo:TAG5@" + digest, named.withDigest(digest).withTag("TAG5").toString());
    assertEquals("test.com:8000/foo:latest@" + digest, named.withTag("latest").withDigest(digest).toString());
    assertEquals("foo:tag2", Reference.parseUnnormalized("foo").withTag("tag2").toString());
  }

  @Test
  void invalidComponentsAreRejected() {
    Reference busybox = Reference.parse("busybox");
    assertEquals("invalid tag format", assertThrows(InvalidReferenceException.class, () -> busybox.withTag("-foo")).getMessage());
    assertThrows(InvalidReferenceException.class, () -> busybox.withTag("a".repeat(129)));
    busybox.withTag("a".repeat(128));
    assertThrows(InvalidReferenceException.class, () -> new Reference("docker.io", "Library/Foo", "", null));
    assertThrows(InvalidReferenceException.class, () -> new Reference("bad_domain", "foo", "", null));
  }

  @Test
  void parseCanonicalRequiresTheCanonicalForm() {
    assertEquals("test.com", Reference.parseCanonical("test.com/foo").domain());
    assertEquals("test:8080", Reference.parseCanonical("test:8080/foo").domain());
    assertEquals("library/foo", Reference.parseCanonical("docker.io/library/foo").path());
    for (String notCanonical : List.of("test_com/foo", "test.com", "foo", "library/foo", "docker.io/foo")) {
      assertEquals(
          "invalid reference format: repository name must be canonical",
          assertThrows(InvalidReferenceException.class, () -> Reference.parseCanonical(notCanonical)).getMessage(),
          notCanonical);
    }
  }

  @Test
  void familiarFormsDropDockerHubOnly() {
    assertEquals("busybox:1.36", Reference.parse("docker.io/library/busybox:1.36").familiar());
    assertEquals("dmcgowan/myapp", Reference.parse("docker.io/dmcgowan/myapp").familiar());
    assertEquals("ghcr.io/library/foo", Reference.parse("ghcr.io/library/foo").familiar());
    assertEquals("localhost:5000/foo@sha256:" + "a".repeat(64),
        Reference.parse("localhost:5000/foo@sha256:" + "a".repeat(64)).familiar());
  }
}
