package dev.lade.oci.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.Fsck;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.ResolvedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What lade stores and writes, read by skopeo, umoci and oci-image-tool; and what skopeo writes,
 * read by lade. The image is busybox-static's /bin/busybox with a few applet links.
 */
class InteropTest {
  static final String REF = "docker.io/library/busybox:latest";
  static final Path BUSYBOX = Path.of("/bin/busybox");

  @TempDir Path dir;
  OciLayoutStore store;
  Descriptor manifest;

  @BeforeEach
  void importBusybox() throws IOException {
    assumeTrue(Files.isExecutable(BUSYBOX), "busybox-static is not installed; interop test not run");
    store = OciLayoutStore.open(dir.resolve("store"));
    Path rootfs = new TestTars()
        .file("bin/busybox", Files.readAllBytes(BUSYBOX)).link("bin/sh", "busybox").link("bin/ls", "busybox")
        .writeTo(dir.resolve("rootfs.tar"));
    manifest = ImageImporter.importTarball(
        store, rootfs, Reference.parse(REF), ImageArchiveTest.AMD64, ImageArchiveTest.CREATED);
  }

  @Test
  void skopeoInspectsAndCopiesFromTheStore() throws Exception {
    Tools.require("skopeo");
    Tools.Result inspect = Tools.run("skopeo", "inspect", "oci:" + store.root() + ":" + REF);
    assertEquals(0, inspect.exitCode(), inspect.output());
    assertTrue(inspect.output().contains("\"Digest\": \"" + manifest.digest() + "\""), inspect.output());

    Path copy = dir.resolve("copy");
    Tools.Result result = Tools.run("skopeo", "copy", "oci:" + store.root() + ":" + REF, "dir:" + copy);
    assertEquals(0, result.exitCode(), result.output());
    assertArrayEquals(Files.readAllBytes(store.blobPath(manifest.digest())), Files.readAllBytes(copy.resolve("manifest.json")));
  }

  @Test
  void umociUnpacksFromTheStore() throws Exception {
    Tools.require("umoci");
    Path bundle = dir.resolve("bundle");
    Tools.Result result = Tools.run("umoci", "unpack", "--rootless", "--image", store.root() + ":" + REF, bundle.toString());
    assertEquals(0, result.exitCode(), result.output());
    assertEquals(Files.size(BUSYBOX), Files.size(bundle.resolve("rootfs/bin/busybox")));
    assertEquals(Path.of("busybox"), Files.readSymbolicLink(bundle.resolve("rootfs/bin/sh")));
  }

  @Test
  void ociImageToolValidatesTheStore() throws Exception {
    Tools.require("oci-image-tool");
    // This oci-image-tool (1.0.0-rc1) validates layouts as --type image; imageLayout is unimplemented.
    Tools.Result result = Tools.run("oci-image-tool", "validate", "--type", "image", store.root().toString());
    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("Validation succeeded"), result.output());
  }

  @Test
  void skopeoReadsLadesDockerArchive() throws Exception {
    Tools.require("skopeo");
    Path archive = dir.resolve("busybox.tar");
    try (OutputStream out = Files.newOutputStream(archive)) {
      ImageSaver.save(store, List.of(REF), ArchiveFormat.DOCKER, out);
    }
    ResolvedImage image = ImageResolver.forHost(store).resolve(REF);
    Tools.Result inspect = Tools.run("skopeo", "inspect", "docker-archive:" + archive);
    assertEquals(0, inspect.exitCode(), inspect.output());
    assertTrue(inspect.output().contains("\"Architecture\": \"amd64\""), inspect.output());
    assertTrue(inspect.output().contains(image.manifest().value().layers().get(0).digest().toString()), inspect.output());
    // `docker load` takes it too: the cli's DockerInteropTest, against dockerd 20.10.
  }

  /** Lade's OCI tar names the image by its tag, as BuildKit's oci exporter; skopeo reads it back byte for byte. */
  @Test
  void skopeoReadsLadesOciArchiveWithTheSameDigest() throws Exception {
    Path archive = dir.resolve("busybox-oci.tar");
    try (OutputStream out = Files.newOutputStream(archive)) {
      ImageSaver.save(store, List.of(REF), ArchiveFormat.OCI, out);
    }
    ResolvedImage image = ImageResolver.forHost(store).resolve(REF);

    Tools.Result raw = Tools.run("skopeo", "inspect", "--raw", "oci-archive:" + archive + ":latest");
    Tools.Result config = Tools.run("skopeo", "inspect", "--config", "--raw", "oci-archive:" + archive + ":latest");

    assertEquals(0, raw.exitCode(), raw.output());
    assertEquals(image.manifest().digest(),
        dev.lade.oci.digest.Digest.sha256(raw.output().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(0, config.exitCode(), config.output());
    assertEquals(image.manifest().value().config().digest(),
        dev.lade.oci.digest.Digest.sha256(config.output().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void ladeLoadsSkopeosDockerAndOciArchives() throws Exception {
    Tools.require("skopeo");
    ResolvedImage original = ImageResolver.forHost(store).resolve(REF);
    Path docker = dir.resolve("skopeo-docker.tar");
    Path oci = dir.resolve("skopeo-oci.tar");
    String source = "oci:" + store.root() + ":" + REF;
    assertEquals(0, Tools.run("skopeo", "copy", source, "docker-archive:" + docker + ":example.com/box:1").exitCode());
    assertEquals(0, Tools.run("skopeo", "copy", source, "oci-archive:" + oci + ":example.com/box:2").exitCode());

    OciLayoutStore loaded = OciLayoutStore.open(dir.resolve("loaded"));
    ImageLoader.load(loaded, docker);
    ImageLoader.load(loaded, oci);

    for (String ref : List.of("example.com/box:1", "example.com/box:2")) {
      ResolvedImage image = ImageResolver.forHost(loaded).resolve(ref);
      assertEquals(original.config().value().rootfs(), image.config().value().rootfs(), ref);
    }
    assertTrue(Fsck.check(loaded).ok());
  }
}
