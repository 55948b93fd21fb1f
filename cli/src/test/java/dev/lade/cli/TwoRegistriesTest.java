package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.testing.Fault;
import dev.lade.registry.testing.FaultProxy;
import dev.lade.registry.testing.FaultRule;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.transfer.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real registries: a copy from one to the other, and the registry options every transfer
 * command takes (mirrors, timeouts).
 */
class TwoRegistriesTest {
  @RegisterExtension static RegistryExtension origin = RegistryExtension.plainHttp();
  @RegisterExtension static RegistryExtension mirror = RegistryExtension.plainHttp();

  @TempDir Path temp;
  private OciLayoutStore layout;
  private Descriptor image;

  @BeforeEach
  void setUp() throws Exception {
    layout = OciLayoutStore.open(temp.resolve("layout"));
    image = TestImages.named(layout, "1", TestImages.image(layout, Platform.of("linux", "amd64"), 31, 1000, 2000));
  }

  private CliRun lade(String... args) {
    List<String> all = new ArrayList<>(List.of("--root", temp.resolve("store").toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  private void pushTo(String reference) {
    CliRun push = lade("copy", "oci:" + layout.root() + ":1", "docker://" + reference);
    assertEquals(0, push.exitCode(), push.err());
  }

  /** Registry to registry, the blobs stream through lade: nothing lands in its store. */
  @Test
  void copiesFromOneRegistryToAnotherKeepingTheDigest() throws Exception {
    pushTo(origin.host() + "/lade/travels:1");

    CliRun copy = lade("copy", "docker://" + origin.host() + "/lade/travels:1", "docker://" + mirror.host() + "/lade/arrived:1");

    assertEquals(0, copy.exitCode(), copy.err());
    assertEquals(image.digest() + "\n", copy.out());
    assertEquals(image.digest().toString(), Skopeo.digest(mirror.host() + "/lade/arrived:1"));
    Path blobs = temp.resolve("store/blobs");
    try (var stored = java.nio.file.Files.exists(blobs) ? java.nio.file.Files.walk(blobs) : java.util.stream.Stream.<Path>empty()) {
      assertEquals(List.of(), stored.filter(java.nio.file.Files::isRegularFile).toList(), "nothing unpacked or stored");
    }
  }

  @Test
  void pullsFromTheRegistryMirrorFirst() {
    pushTo(mirror.host() + "/lade/mirrored:1");
    String ref = origin.host() + "/lade/mirrored:1";

    CliRun direct = lade("pull", ref);
    CliRun mirrored = lade("pull", "--registry-mirror", origin.host() + "=http://" + mirror.host() + "/", ref);

    assertEquals(1, direct.exitCode(), "only the mirror has it");
    assertTrue(direct.err().contains("MANIFEST_UNKNOWN"), direct.err());
    assertEquals(0, mirrored.exitCode(), mirrored.err());
    assertEquals("Digest: " + image.digest() + "\n" + ref + "\n", mirrored.out());
    assertEquals(0, lade("fsck").exitCode());
  }

  @Test
  void aShortReadTimeoutRetriesAStalledAnswerInsteadOfWaitingForIt() throws Exception {
    pushTo(origin.host() + "/lade/stalled:1");
    try (FaultProxy proxy = FaultProxy.inFrontOf(origin.registry())) {
      proxy.inject(FaultRule.on("GET", "/v2/lade/stalled/manifests/.*", new Fault.Stall(Duration.ofSeconds(15))));
      long start = System.nanoTime();

      CliRun pull = lade("pull", "--read-timeout", "1s", "--connect-timeout", "5s", proxy.host() + "/lade/stalled:1");

      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(0, pull.exitCode(), pull.err());
      assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "waited " + took + " for the stalled answer");
      assertEquals(1, proxy.injectedCount());
    }
  }

  /** A value lade cannot read is named in the first line; a usage hint may follow. */
  @Test
  void badOptionValuesExit2NamingTheValue() {
    for (String[] bad : List.of(
        new String[] {"--read-timeout", "soon"},
        new String[] {"--connect-timeout", "0s"},
        new String[] {"--registry-mirror", "ftp://mirror.example.com"},
        new String[] {"--registry-mirror", "https://mirror.example.com/v2/"})) {
      CliRun run = lade("pull", bad[0], bad[1], origin.host() + "/lade/none:1");

      assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.err());
      String first = run.err().lines().findFirst().orElse("");
      assertTrue(first.startsWith("lade: ") && first.contains("\"" + bad[1] + "\""), run.err());
    }
  }
}
