package dev.lade.buildkit.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.buildkit.build.BuildEnvironment;
import dev.lade.buildkit.build.ImageBuilder;
import dev.lade.buildkit.build.StandardFileSystems;
import dev.lade.buildkit.progress.BuildProgress;
import dev.lade.buildkit.remote.ImagePuller;
import dev.lade.oci.archive.ImageLoader;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.testing.BusyboxRootfs;
import dev.lade.oci.testing.DockerDaemon;
import dev.lade.oci.testing.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds every case of testdata/build/bad with BuildKit (dockerd 20.10) and with lade: both must
 * fail; lade with the one located line of the case's {@code error} file, leaving its store as it
 * was.
 */
class BadInputDifferentialTest {
  @TempDir static Path work;
  private static DockerDaemon docker;
  private static OciLayoutStore lade;

  @BeforeAll
  static void baseImage() throws IOException {
    String unavailable = DockerDaemon.unavailableReason();
    assumeTrue(unavailable == null, unavailable);
    docker = DockerDaemon.shared();
    docker.importRootfs(BusyboxRootfs.writeTar(work.resolve("rootfs.tar")), "lade-meta-base");
    docker.save(work.resolve("base.tar"), "lade-meta-base");
    lade = OciLayoutStore.open(work.resolve("lade"));
    ImageLoader.load(lade, work.resolve("base.tar"));
  }

  @TestFactory
  Stream<DynamicTest> bothRefuseIt() throws IOException {
    List<MetadataCase> cases = MetadataCase.all(MetadataCase.corpus("bad"));
    assertTrue(cases.size() >= 20, "corpus has " + cases.size() + " cases");
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> compare(c)));
  }

  private static void compare(MetadataCase c) throws IOException {
    List<String> arguments = new ArrayList<>(List.of("build", "--network", "host", "--progress", "plain",
        "-f", c.directory().resolve("Dockerfile").toString(), "-t", "lade-bad-" + c.name()));
    arguments.addAll(c.flags());
    arguments.add(c.directory().toString());
    ToolResult buildKit = docker.docker(arguments.toArray(String[]::new));
    assertFalse(buildKit.ok(), c.name() + ": BuildKit built it");

    Map<String, Long> before = files(work.resolve("lade"));
    String expected = Files.readString(c.directory().resolve("error")).strip();
    RuntimeException e;
    try (StandardFileSystems files = StandardFileSystems.open(work.resolve("fs-" + c.name()), work.resolve("sums"))) {
      BuildEnvironment env = new BuildEnvironment(lade, files, files, Optional.empty(), ImagePuller.offline(),
          BuildProgress.quiet(), Clock.systemUTC());
      e = assertThrows(RuntimeException.class, () -> new ImageBuilder(env).build(c.request()), c.name());
    }
    assertEquals(expected, e.getMessage(), c.name());
    assertEquals(before, files(work.resolve("lade")), c.name() + ": store untouched");
  }

  private static Map<String, Long> files(Path store) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(store)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) out.put(store.relativize(p).toString(), Files.size(p));
    }
    return out;
  }
}
