package dev.lade.buildkit.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.buildkit.build.BuildEnvironment;
import dev.lade.buildkit.build.BuiltImage;
import dev.lade.buildkit.build.ImageBuilder;
import dev.lade.buildkit.progress.BuildProgress;
import dev.lade.buildkit.remote.ImagePuller;
import dev.lade.buildkit.testing.RealFileSystems;
import dev.lade.oci.archive.ImageLoader;
import dev.lade.oci.archive.LoadedImage;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.testing.BusyboxRootfs;
import dev.lade.oci.testing.DockerDaemon;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds every case of testdata/build/metadata with BuildKit (dockerd 20.10) and with lade, from
 * the same base images, and compares the two images: config (every field), history (texts and
 * which steps made a layer), and each layer's tree (type, mode, owner, size, content, link
 * target; not times).
 */
class MetadataDifferentialTest {
  @TempDir static Path work;
  private static DockerDaemon docker;
  private static OciLayoutStore lade;
  private static OciLayoutStore oracle;

  @BeforeAll
  static void baseImages() throws IOException {
    String unavailable = DockerDaemon.unavailableReason();
    assumeTrue(unavailable == null, unavailable);
    docker = DockerDaemon.shared();
    docker.importRootfs(BusyboxRootfs.writeTar(work.resolve("rootfs.tar")), "lade-meta-base");
    Path bases = MetadataCase.corpus().resolve("bases");
    docker.build(bases, bases.resolve("rich.Dockerfile"), "lade-meta-rich");
    docker.save(work.resolve("bases.tar"), "lade-meta-base", "lade-meta-rich");
    lade = OciLayoutStore.open(work.resolve("lade"));
    oracle = OciLayoutStore.open(work.resolve("oracle"));
    ImageLoader.load(lade, work.resolve("bases.tar"));
  }

  @TestFactory
  Stream<DynamicTest> sameImageAsBuildKit() throws IOException {
    List<MetadataCase> cases = MetadataCase.all();
    assertTrue(cases.size() >= 10, "corpus has " + cases.size() + " cases");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> compare(c)));
  }

  private static void compare(MetadataCase c) throws IOException {
    ComparableImage expected = buildKit(c);
    ComparableImage actual = lade(c);
    assertEquals(expected.configText(), actual.configText(), c.name() + ": config");
    assertEquals(expected.layers().size(), actual.layers().size(), c.name() + ": layer count");
    for (int i = 0; i < expected.layers().size(); i++) {
      assertEquals(expected.layers().get(i), actual.layers().get(i), c.name() + ": layer " + i);
    }
  }

  private static ComparableImage buildKit(MetadataCase c) throws IOException {
    String tag = "lade-meta-" + c.name();
    docker.build(c.directory(), c.directory().resolve("Dockerfile"), tag, c.flags().toArray(String[]::new));
    Path saved = work.resolve(c.name() + ".tar");
    docker.save(saved, tag);
    LoadedImage image = ImageLoader.load(oracle, saved).get(0);
    return ComparableImage.read(oracle.blobs(), image.target(), c.argsValuedOutsideTheStage());
  }

  private static ComparableImage lade(MetadataCase c) throws IOException {
    RealFileSystems files = new RealFileSystems(work.resolve("fs-" + c.name()));
    BuildEnvironment env = new BuildEnvironment(lade, files, files, Optional.empty(),
        ImagePuller.offline(),
        BuildProgress.quiet(), Clock.systemUTC());
    BuiltImage image = new ImageBuilder(env).build(c.request());
    return ComparableImage.read(lade.blobs(), image.manifestDescriptor(), c.argsValuedOutsideTheStage());
  }
}
