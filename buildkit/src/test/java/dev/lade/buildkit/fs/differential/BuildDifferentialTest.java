package dev.lade.buildkit.fs.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.buildkit.build.BuildEnvironment;
import dev.lade.buildkit.build.BuildRequest;
import dev.lade.buildkit.build.BuiltImage;
import dev.lade.buildkit.build.ImageBuilder;
import dev.lade.buildkit.build.StandardFileSystems;
import dev.lade.buildkit.progress.BuildProgress;
import dev.lade.oci.archive.ImageLoader;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.History;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.testing.BusyboxRootfs;
import dev.lade.oci.testing.DockerDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds the Dockerfiles of testdata/build/copy-basic with lade's {@link ImageBuilder} (the real
 * file systems, as {@code lade build} wires them) and with BuildKit in dockerd 20.10, and compares
 * the two images layer by layer, path by path ({@link LayerDescriptions}), and their history.
 */
class BuildDifferentialTest {
  @TempDir static Path work;
  private static Path context;
  private static DockerDaemon docker;

  @BeforeAll
  static void baseImage() throws IOException {
    String unavailable = DockerDaemon.unavailableReason();
    assumeTrue(unavailable == null, unavailable);
    context = CopyContexts.prepare("copy-basic", work.resolve("context"));
    docker = DockerDaemon.shared();
    docker.importRootfs(BusyboxRootfs.writeTar(work.resolve("rootfs.tar")), "lade-copy-base");
    docker.save(work.resolve("base.tar"), "lade-copy-base");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile", "stages.Dockerfile"})
  void imageMatchesBuildKit(String dockerfile, @TempDir Path dir) throws IOException {
    docker.build(context, context.resolve(dockerfile), "lade-build-diff");
    docker.save(dir.resolve("saved.tar"), "lade-build-diff");
    OciLayoutStore store = OciLayoutStore.open(dir.resolve("store"));
    DockerImageLayers theirs = DockerImageLayers.read(dir.resolve("saved.tar"), store.blobs());

    ImageLoader.load(store, work.resolve("base.tar"));
    BuiltImage ours;
    try (StandardFileSystems files = StandardFileSystems.open(dir.resolve("scratch"), dir.resolve("checksums"))) {
      BuildEnvironment env = new BuildEnvironment(store, files, files, Optional.empty(),
          domain -> { throw new IOException("no registry in this test: " + domain); },
          BuildProgress.quiet(), Clock.systemUTC());
      BuildRequest request = BuildRequest.of(Files.readAllBytes(context.resolve(dockerfile)), context);
      ours = new ImageBuilder(env).build(new BuildRequest(request.dockerfile(), dockerfile,
          Optional.of(context.resolve(dockerfile)), context, request.buildArgs(), request.target(),
          request.platform(), request.labels(), false, false, request.compression(), Optional.empty()));
    }

    // dockerd 20.10's frontend leaves COPY's --chown and --chmod out of created_by; BuildKit since
    // v0.10 writes them, as lade does: that one known difference is taken out before comparing.
    assertEquals(theirs.history(), ours.config().value().history().stream()
        .map(h -> h.createdBy().replaceAll(" --ch(own|mod)=\\S+", "") + (h.emptyLayer() ? " (empty layer)" : ""))
        .toList(), "history");
    List<Digest> layers = ours.manifest().value().layers().stream().map(Descriptor::digest).toList();
    assertEquals(theirs.layers().size(), layers.size(), "layer count");
    for (int i = 0; i < layers.size(); i++) {
      assertEquals(LayerDescriptions.of(store.blobs(), theirs.layers().get(i)),
          LayerDescriptions.of(store.blobs(), layers.get(i)), dockerfile + " layer " + i + ": " + theirs.createdBy().get(i));
    }
    assertTrue(layers.size() >= 7, "compared " + layers.size() + " layers");
  }
}
