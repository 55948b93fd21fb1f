package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.TagPagingFront;
import dev.lade.registry.transfer.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** pull, push, copy, resolve, tags, manifest inspect and delete against a real registry and skopeo. */
class TransferCommandsTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path temp;
  private Path root;
  private OciLayoutStore layout;

  @BeforeEach
  void setUp() throws Exception {
    root = temp.resolve("store");
    layout = OciLayoutStore.open(temp.resolve("layout"));
  }

  private CliRun lade(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("--root", root.toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  private String at(String repositoryAndTag) {
    return registry.host() + "/" + repositoryAndTag;
  }

  /** An amd64 image of two layers, pushed by skopeo to {@code repositoryAndTag}; its digest there. */
  private Digest skopeoPushes(String repositoryAndTag, long seed) throws Exception {
    TestImages.named(layout, "src", TestImages.image(layout, Platform.of("linux", "amd64"), seed, 3000, 4000));
    Skopeo.run("copy", "--dest-tls-verify=false", "oci:" + layout.root() + ":src", "docker://" + at(repositoryAndTag));
    return Digest.parse(Skopeo.digest(at(repositoryAndTag)));
  }

  @Test
  void pullsWhatSkopeoPushedAndPushesItBackWithTheSameDigest() throws Exception {
    Digest image = skopeoPushes("lade/sk:1.0", 1);

    CliRun pull = lade("pull", at("lade/sk:1.0"));
    CliRun push = lade("push", at("lade/sk:1.0"), at("lade/pushed:2"));
    CliRun fsck = lade("fsck");

    assertEquals(0, pull.exitCode(), pull.err());
    assertEquals("Digest: " + image + "\n" + at("lade/sk:1.0") + "\n", pull.out());
    assertTrue(pull.err().matches("(?s).*[0-9a-f]{12}: pulling [0-9.]+kB\n.*[0-9a-f]{12}: done\n.*"), pull.err());
    assertEquals(0, push.exitCode(), push.err());
    assertEquals(at("lade/pushed") + "@" + image + "\n", push.out());
    assertTrue(push.err().contains(": mounted\n"), "pulled from the same registry: " + push.err());
    assertEquals(image.toString(), Skopeo.digest(at("lade/pushed:2")));
    assertEquals(0, fsck.exitCode(), fsck.out() + fsck.err());
  }

  /**
   * A manifest and config as no lade writes them (indented, keys in another order, fields lade
   * does not know) keep their exact bytes through pull and push, so the digest stays.
   */
  @Test
  void pullAndPushKeepTheExactBytesOfManifestAndConfig() throws Exception {
    byte[] layer = "not really gzip, a layer all the same".getBytes(StandardCharsets.UTF_8);
    Digest layerDigest = layout.blobs().write(layer).digest();
    byte[] config = ("{\n  \"rootfs\": {\"diff_ids\": [\"" + layerDigest + "\"], \"type\": \"layers\"},\n"
        + "  \"os\": \"linux\",\n  \"architecture\": \"amd64\",\n  \"x-unknown\": {\"kept\": true}\n}\n")
        .getBytes(StandardCharsets.UTF_8);
    Digest configDigest = layout.blobs().write(config).digest();
    byte[] manifest = ("{\n    \"schemaVersion\": 2,\n    \"mediaType\": \"application/vnd.oci.image.manifest.v1+json\",\n"
        + "    \"annotations\": {\"org.opencontainers.image.title\": \"as written\"},\n"
        + "    \"config\": {\"size\": " + config.length + ", \"digest\": \"" + configDigest
        + "\", \"mediaType\": \"application/vnd.oci.image.config.v1+json\"},\n"
        + "    \"layers\": [{\"mediaType\": \"application/vnd.oci.image.layer.v1.tar\", \"digest\": \"" + layerDigest
        + "\", \"size\": " + layer.length + "}]\n}")
        .getBytes(StandardCharsets.UTF_8);
    Descriptor image = TestImages.named(layout, "odd",
        Descriptor.of(MediaType.OCI_MANIFEST, layout.blobs().write(manifest).digest(), manifest.length));
    Skopeo.run("copy", "--preserve-digests", "--dest-tls-verify=false", "oci:" + layout.root() + ":odd", "docker://" + at("lade/odd:1"));
    assertEquals(image.digest().toString(), Skopeo.digest(at("lade/odd:1")), "skopeo kept the bytes");

    CliRun pull = lade("pull", at("lade/odd:1"));
    CliRun push = lade("push", at("lade/odd:1"), at("lade/odd-again:1"));

    assertEquals(0, pull.exitCode(), pull.err());
    assertEquals(0, push.exitCode(), push.err());
    assertEquals(at("lade/odd-again") + "@" + image.digest() + "\n", push.out());
    assertArrayEquals(manifest, Skopeo.run("inspect", "--tls-verify=false", "--raw", "docker://" + at("lade/odd-again:1")));
    assertArrayEquals(config,
        Skopeo.run("inspect", "--tls-verify=false", "--config", "--raw", "docker://" + at("lade/odd-again:1")));
  }

  @Test
  void pullsTheRequestedPlatformOfAnIndexAndPushesTheIndexBack() throws Exception {
    Descriptor amd = TestImages.image(layout, Platform.of("linux", "amd64"), 2, 100);
    Descriptor arm = TestImages.image(layout, Platform.of("linux", "arm64"), 3, 200);
    Descriptor index = TestImages.named(layout, "multi", TestImages.index(layout, List.of(amd, arm)));
    assertEquals(0, lade("copy", "oci:" + layout.root() + ":multi", "docker://" + at("lade/multi:1")).exitCode());

    CliRun pull = lade("pull", "--platform", "linux/arm64", at("lade/multi:1"));
    CliRun push = lade("push", at("lade/multi:1"), at("lade/multi:again"));

    assertEquals(0, pull.exitCode(), pull.err());
    assertTrue(pull.out().startsWith("Digest: " + index.digest()), pull.out());
    assertEquals(0, push.exitCode(), push.err());
    assertEquals(index.digest().toString(), Skopeo.digest(at("lade/multi:again")));
    assertEquals(at("lade/multi") + "@" + index.digest() + "\n", lade("resolve", at("lade/multi:again")).out());
    assertEquals(0, lade("fsck").exitCode());
    assertTrue(Files.exists(root.resolve("blobs/sha256/" + arm.digest().hex())));
    assertFalse(Files.exists(root.resolve("blobs/sha256/" + amd.digest().hex())));
  }

  /**
   * Skopeo pushes a Docker manifest list (schema 2) whose arm entries carry variants; lade asks
   * for it with Docker's types too, picks platforms as containerd does ({@code linux/arm64} is
   * {@code arm64/v8}, {@code linux/arm} is {@code arm/v7}) and pushes the list back unchanged.
   */
  @Test
  void pullsPlatformsOfADockerManifestListAndPushesItBack() throws Exception {
    Descriptor amd = TestImages.image(layout, Platform.of("linux", "amd64"), 12, 100);
    Descriptor arm64 = TestImages.image(layout, Platform.of("linux", "arm64", "v8"), 13, 200);
    Descriptor arm = TestImages.image(layout, Platform.of("linux", "arm", "v7"), 14, 300);
    TestImages.named(layout, "multi", TestImages.index(layout, List.of(amd, arm64, arm)));
    Skopeo.run("copy", "--all", "--format", "v2s2", "--dest-tls-verify=false",
        "oci:" + layout.root() + ":multi", "docker://" + at("lade/dockerlist:1"));
    String list = Skopeo.digest(at("lade/dockerlist:1"));

    CliRun raw = lade("manifest", "inspect", at("lade/dockerlist:1"));
    Digest arm64Manifest = dev.lade.oci.image.Index.parse(raw.out().getBytes(StandardCharsets.UTF_8)).manifests().stream()
        .filter(entry -> entry.platform().architecture().equals("arm64")).findFirst().orElseThrow().digest();
    CliRun pullArm64 = lade("pull", "--platform", "linux/arm64", at("lade/dockerlist:1"));
    CliRun pullArm = lade("pull", "--platform", "linux/arm", at("lade/dockerlist:1"));
    CliRun push = lade("push", at("lade/dockerlist:1"), at("lade/dockerlist:back"));
    CliRun inspect = lade("inspect", "--platform", "linux/arm64/v8", at("lade/dockerlist:1"));

    assertTrue(raw.out().contains("\"application/vnd.docker.distribution.manifest.list.v2+json\""), raw.out());
    assertEquals(0, pullArm64.exitCode(), pullArm64.err());
    assertEquals("Digest: " + list + "\n" + at("lade/dockerlist:1") + "\n", pullArm64.out());
    assertEquals(0, pullArm.exitCode(), pullArm.err());
    assertEquals(0, push.exitCode(), push.err());
    assertEquals(list, Skopeo.digest(at("lade/dockerlist:back")));
    assertTrue(inspect.out().contains("\"ManifestDigest\": \"" + arm64Manifest + "\""), inspect.out() + inspect.err());
    assertTrue(inspect.out().contains("\"architecture\": \"arm64\""), inspect.out());
    assertEquals(0, lade("fsck").exitCode());
  }

  @Test
  void copiesBetweenRepositoriesByMounting() throws Exception {
    Digest image = skopeoPushes("lade/from:1", 4);
    long mountsBefore = mounts();

    CliRun copy = lade("copy", "docker://" + at("lade/from:1"), "docker://" + at("lade/to:1"));

    assertEquals(0, copy.exitCode(), copy.err());
    assertEquals(image + "\n", copy.out());
    assertEquals(3, mounts() - mountsBefore, "config and two layers mounted");
    assertEquals(image.toString(), Skopeo.digest(at("lade/to:1")));
  }

  private static String tarEntry(Path tar, String name) throws Exception {
    Process tarx = new ProcessBuilder("tar", "-xOf", tar.toString(), name).start();
    String content = new String(tarx.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, tarx.waitFor(), name + " in " + tar);
    return content;
  }

  /** Mounts the registry granted, from its access log. */
  private static long mounts() throws Exception {
    return registry.registry().requests(logged -> true).stream()
        .filter(r -> r.method().equals("POST") && r.target().contains("mount=") && r.status() == 201).count();
  }

  @Test
  void copiesThroughOciLayoutsAndDockerArchives() throws Exception {
    Digest image = skopeoPushes("lade/arc:1", 5);
    Path archive = temp.resolve("image.tar");
    Path dir = temp.resolve("oci-out");

    CliRun toArchive = lade("copy", at("lade/arc:1"), "docker-archive:" + archive);
    CliRun toLayout = lade("copy", "docker-archive:" + archive, "oci:" + dir + ":v1");
    CliRun back = lade("copy", "oci:" + dir + ":v1", at("lade/arc:back"));

    assertEquals(0, toArchive.exitCode(), toArchive.err());
    assertEquals(0, toLayout.exitCode(), toLayout.err());
    assertEquals(0, back.exitCode(), back.err());
    assertEquals(image.toString(), Skopeo.digest(at("lade/arc:back")));
    String inspected = Skopeo.text(Skopeo.run("inspect", "--raw", "oci:" + dir + ":v1"));
    assertEquals(image, dev.lade.oci.digest.Digest.sha256(inspected.getBytes(StandardCharsets.UTF_8)));
    assertTrue(Skopeo.text(Skopeo.run("inspect", "docker-archive:" + archive)).contains("\"Architecture\": \"amd64\""));
  }

  /** Without a name, {@code oci:DIR} means the layout's only image; an archive may carry the name docker load gives it. */
  @Test
  void copiesThroughAnUnnamedLayoutAndANamedArchive() throws Exception {
    Digest image = skopeoPushes("lade/unnamed:1", 15);
    Path dir = temp.resolve("unnamed");
    Path archive = temp.resolve("named.tar");

    CliRun toLayout = lade("copy", at("lade/unnamed:1"), "oci:" + dir);
    CliRun toArchive = lade("copy", "oci:" + dir, "docker-archive:" + archive + ":example.com/team/named:2");
    CliRun back = lade("copy", "docker-archive:" + archive + ":example.com/team/named:2", at("lade/unnamed:back"));

    assertEquals(0, toLayout.exitCode(), toLayout.err());
    assertEquals(0, toArchive.exitCode(), toArchive.err());
    assertEquals(0, back.exitCode(), back.err());
    assertEquals(image, Digest.sha256(Skopeo.run("inspect", "--raw", "oci:" + dir)));
    String manifestJson = tarEntry(archive, "manifest.json");
    assertTrue(manifestJson.contains("\"RepoTags\":[\"example.com/team/named:2\"]"), manifestJson);
    assertEquals(image.toString(), Skopeo.digest(at("lade/unnamed:back")));
  }

  @Test
  void resolvesListsTagsShowsManifestsAndDeletes() throws Exception {
    Digest image = skopeoPushes("lade/ops:a", 6);
    Skopeo.run("copy", "--dest-tls-verify=false", "oci:" + layout.root() + ":src", "docker://" + at("lade/ops:b"));
    byte[] raw = Skopeo.run("inspect", "--tls-verify=false", "--raw", "docker://" + at("lade/ops:a"));

    assertEquals(at("lade/ops") + "@" + image + "\n", lade("resolve", at("lade/ops:a")).out());
    assertEquals(List.of("a", "b"), lade("tags", at("lade/ops")).out().lines().sorted().toList());
    assertEquals(new String(raw, StandardCharsets.UTF_8), lade("manifest", "inspect", at("lade/ops:a")).out());
    CliRun delete = lade("delete", at("lade/ops:a"));
    assertEquals(0, delete.exitCode(), delete.err());
    assertEquals("Deleted: " + at("lade/ops") + "@" + image + "\n", delete.out());
    CliRun gone = lade("resolve", at("lade/ops:b"));
    assertEquals(1, gone.exitCode());
    assertEquals(1, gone.err().lines().count(), gone.err());
    assertTrue(gone.err().contains("MANIFEST_UNKNOWN"), gone.err());
  }

  /**
   * Distribution 2.8 sends every tag at once (it ignores {@code n} for tags, unlike its catalog),
   * so a front pages its answers as distribution 3 and the OCI spec do, with Link headers.
   */
  @Test
  void tagsFollowsLinkHeadersAcrossPages() throws Exception {
    skopeoPushes("lade/pages:v1", 7);
    for (String tag : List.of("v2", "v3", "latest", "beta")) {
      Skopeo.run("copy", "--dest-tls-verify=false", "oci:" + layout.root() + ":src", "docker://" + at("lade/pages:" + tag));
    }
    try (TagPagingFront front = TagPagingFront.inFrontOf(registry.registry())) {
      CliRun paged = lade("tags", "--page-size", "2", front.host() + "/lade/pages");

      assertEquals(0, paged.exitCode(), paged.err());
      assertEquals(List.of("beta", "latest", "v1", "v2", "v3"), paged.out().lines().toList());
      assertEquals(3, front.tagPages(), "pages of two, two and one");
    }
    assertEquals(ExitCode.BAD_INPUT, lade("tags", "--page-size", "0", at("lade/pages")).exitCode());
  }

  @Test
  void badReferencesExit2AndUnknownTagsExit1InOneLine() {
    CliRun bad = lade("pull", "127.0.0.1:5000/Not_Valid:x");
    CliRun unknown = lade("pull", at("lade/nothing:here"));

    assertEquals(2, bad.exitCode());
    assertEquals(1, bad.err().lines().count(), bad.err());
    assertTrue(bad.err().startsWith("lade: invalid reference format"), bad.err());
    assertEquals(1, unknown.exitCode());
    assertEquals(1, unknown.err().lines().count(), unknown.err());
    assertTrue(unknown.err().contains("pull manifest lade/nothing:here"), unknown.err());
    assertEquals("", lade("images", "-q").out());
  }
}
