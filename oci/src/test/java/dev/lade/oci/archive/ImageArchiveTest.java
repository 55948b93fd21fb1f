package dev.lade.oci.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.image.RootFs;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.Fsck;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.ResolvedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageArchiveTest {
  static final Platform AMD64 = Platform.of("linux", "amd64");
  static final Instant CREATED = Instant.parse("2024-01-02T03:04:05Z");

  @TempDir Path dir;
  OciLayoutStore source;
  OciLayoutStore target;
  byte[] rootfs;

  @BeforeEach
  void setUp() throws IOException {
    source = OciLayoutStore.open(dir.resolve("source"));
    target = OciLayoutStore.open(dir.resolve("target"));
    rootfs = new TestTars().file("bin/hello", "#!/bin/sh\necho hello\n").file("etc/hostname", "lade\n").bytes();
  }

  @Test
  void importMakesAOneLayerImageWithHistory() throws IOException {
    Path tarball = Files.write(dir.resolve("rootfs.tar"), rootfs);
    Descriptor manifest = ImageImporter.importTarball(source, tarball, ref("hello:1"), AMD64, CREATED);
    ResolvedImage image = ImageResolver.forHost(source).resolve("hello:1");
    assertEquals(manifest, image.target().withAnnotations(java.util.Map.of()));
    assertEquals(List.of(Digest.sha256(rootfs)), image.config().value().rootfs().diffIds());
    assertEquals(MediaType.OCI_LAYER, image.manifest().value().layers().get(0).mediaType());
    assertEquals("Imported from rootfs.tar", image.config().value().history().get(0).comment());
    assertEquals("2024-01-02T03:04:05Z", image.config().value().created());
  }

  @Test
  void importDecompressesAGzippedTarball() throws IOException {
    Path tarball = Files.write(dir.resolve("rootfs.tar.gz"), TestTars.gzip(rootfs));
    ImageImporter.importTarball(source, tarball, ref("hello:1"), AMD64, CREATED);
    ResolvedImage image = ImageResolver.forHost(source).resolve("hello:1");
    assertEquals(Digest.sha256(rootfs), image.manifest().value().layers().get(0).digest());
  }

  @Test
  void importRefusesWhatIsNoTarAndStoresNothing() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.tar"), "not a tar at all");
    assertThrows(InvalidArchiveException.class,
        () -> ImageImporter.importTarball(source, junk, ref("junk:1"), AMD64, CREATED));
    assertEquals(List.of(), source.blobs().list());
  }

  @Test
  void dockerSaveThenLoadKeepsTheImage() throws IOException {
    Descriptor manifest = importHello();
    Path archive = save(ArchiveFormat.DOCKER, "hello:1");
    String manifestJson = new String(ArchiveListing.read(archive).indexFile("manifest.json").orElseThrow(),
        StandardCharsets.UTF_8);
    assertTrue(manifestJson.startsWith("[{\"Config\":\"blobs/sha256/"), manifestJson);
    assertTrue(manifestJson.contains("\"RepoTags\":[\"hello:1\"]"), manifestJson);

    List<LoadedImage> loaded = ImageLoader.load(target, archive);

    assertEquals(List.of(new LoadedImage(Optional.of(ref("hello:1")), manifest)), loaded);
    assertTrue(Fsck.check(target).ok());
  }

  @Test
  void ociSaveThenLoadKeepsTheImage() throws IOException {
    Descriptor manifest = importHello();
    List<LoadedImage> loaded = ImageLoader.load(target, save(ArchiveFormat.OCI, "hello:1"));
    assertEquals(List.of(new LoadedImage(Optional.of(ref("hello:1")), manifest)), loaded);
    assertEquals(manifest.digest(), target.refs().get(ref("hello:1")).orElseThrow().digest());
  }

  @Test
  void loadsDockerLegacyFormatWithPlainAndGzippedLayers() throws IOException {
    byte[] second = new TestTars().file("etc/motd", "hi\n").bytes();
    byte[] config = ImageConfig.builder(AMD64)
        .rootfs(RootFs.layers(List.of(Digest.sha256(rootfs), Digest.sha256(second)))).build().toJson();
    String configName = Digest.sha256(config).hex() + ".json";
    Path archive = new TestTars()
        .file("aaaa/layer.tar", rootfs).file("aaaa/VERSION", "1.0").file("aaaa/json", "{}")
        .file("bbbb/layer.tar", TestTars.gzip(second)).file("bbbb/VERSION", "1.0").file("bbbb/json", "{}")
        .link("cccc/layer.tar", "../aaaa/layer.tar")
        .file(configName, config)
        .file("repositories", "{\"legacy\":{\"1\":\"bbbb\"}}")
        .file("manifest.json", "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"legacy:1\"],"
            + "\"Layers\":[\"cccc/layer.tar\",\"bbbb/layer.tar\"]}]")
        .writeTo(dir.resolve("legacy.tar"));

    ImageLoader.load(target, archive);

    ResolvedImage image = ImageResolver.forHost(target).resolve("legacy:1");
    List<Descriptor> layers = image.manifest().value().layers();
    assertEquals(List.of(MediaType.OCI_LAYER, MediaType.OCI_LAYER_GZIP), layers.stream().map(Descriptor::mediaType).toList());
    assertEquals(Digest.sha256(rootfs), layers.get(0).digest());
    assertEquals(Digest.sha256(config), image.manifest().value().config().digest());
    assertTrue(Fsck.check(target).ok());
  }

  @Test
  void refusesArchivesWithoutIndexFiles() throws IOException {
    assertInvalid(new TestTars().file("hello.txt", "hi"), "no manifest.json (Docker) or index.json and oci-layout (OCI)");
  }

  @Test
  void refusesMalformedManifestJson() throws IOException {
    assertInvalid(new TestTars().file("manifest.json", "[{\"Config\": 3}]"), "manifest.json: ");
    assertInvalid(new TestTars().file("manifest.json", "{not json"), "manifest.json: ");
  }

  @Test
  void refusesManifestJsonNamingMissingFiles() throws IOException {
    assertInvalid(new TestTars().file("manifest.json", "[{\"Config\":\"c.json\",\"RepoTags\":[],\"Layers\":[]}]"),
        "manifest.json names c.json, which the archive lacks");
  }

  @Test
  void refusesBlobsThatDoNotMatchTheirNames() throws IOException {
    String wrong = "blobs/sha256/" + Digest.sha256(new byte[] {1}).hex();
    assertInvalid(new TestTars().file(wrong, "{}")
        .file("manifest.json", "[{\"Config\":\"" + wrong + "\",\"RepoTags\":[\"x:1\"],\"Layers\":[]}]"),
        wrong + ": blob sha256:");
    assertEquals(List.of(), target.blobs().list(), "no blob stored");
  }

  @Test
  void refusesLayersThatDoNotMatchTheConfigsDiffIds() throws IOException {
    byte[] config = ImageConfig.builder(AMD64)
        .rootfs(RootFs.layers(List.of(Digest.sha256(new byte[] {1})))).build().toJson();
    assertInvalid(new TestTars().file("c.json", config).file("l/layer.tar", rootfs)
        .file("manifest.json", "[{\"Config\":\"c.json\",\"RepoTags\":[\"x:1\"],\"Layers\":[\"l/layer.tar\"]}]"),
        "layer l/layer.tar has diff_id " + Digest.sha256(rootfs));
  }

  @Test
  void refusesAnOciLayoutMissingABlob() throws IOException {
    importHello();
    Path archive = save(ArchiveFormat.OCI, "hello:1");
    ResolvedImage image = ImageResolver.forHost(source).resolve("hello:1");
    String layer = "blobs/sha256/" + image.manifest().value().layers().get(0).digest().hex();
    TestTars copy = new TestTars();
    try (var tar = TarStreams.openTar(archive)) {
      for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.isFile() && !e.getName().equals(layer)) copy.file(e.getName(), tar.readAllBytes());
      }
    }
    assertInvalid(copy, "missing blob " + image.manifest().value().layers().get(0).digest());
  }

  private void assertInvalid(TestTars tar, String expected) throws IOException {
    Path archive = tar.writeTo(Files.createTempFile(dir, "bad", ".tar"));
    InvalidArchiveException e = assertThrows(InvalidArchiveException.class, () -> ImageLoader.load(target, archive));
    assertTrue(e.getMessage().startsWith("invalid archive " + archive + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(List.of(), target.refs().list(), "no reference stored");
  }

  private Descriptor importHello() throws IOException {
    Path tarball = Files.write(dir.resolve("rootfs.tar"), rootfs);
    return ImageImporter.importTarball(source, tarball, ref("hello:1"), AMD64, CREATED);
  }

  private Path save(ArchiveFormat format, String... refs) throws IOException {
    Path archive = dir.resolve(format + ".tar");
    try (OutputStream out = Files.newOutputStream(archive)) {
      ImageSaver.save(source, List.of(refs), format, out);
    }
    return archive;
  }

  private static Reference ref(String s) {
    return Reference.parse(s).withDefaultTag();
  }
}
