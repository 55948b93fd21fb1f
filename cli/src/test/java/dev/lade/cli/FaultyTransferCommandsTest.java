package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.testing.ArmedFault;
import dev.lade.registry.testing.Fault;
import dev.lade.registry.testing.FaultProxy;
import dev.lade.registry.testing.FaultRule;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.transfer.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** lade copy, pull and fsck through a proxy that resets connections and answers 500 and 429. */
class FaultyTransferCommandsTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path temp;

  @Test
  void aMultiMegabyteImageGoesBothWaysThroughFaultsAndTheStoreChecksClean() throws Exception {
    OciLayoutStore layout = OciLayoutStore.open(temp.resolve("layout"));
    Descriptor image = TestImages.named(layout, "1",
        TestImages.image(layout, Platform.of("linux", "amd64"), 11, 3_000_000, 2_000_000, 1_000_000));
    String root = temp.resolve("store").toString();
    try (FaultProxy proxy = FaultProxy.inFrontOf(registry.registry())) {
      ArmedFault reset = proxy.inject(
          FaultRule.on("PUT", "/v2/lade/rough/blobs/uploads/.*", Fault.resetRequestBodyAfter(500_000)));
      ArmedFault busy = proxy.inject(
          FaultRule.on("HEAD", "/v2/lade/rough/blobs/.*", Fault.tooManyRequests(Duration.ofSeconds(1))));
      ArmedFault cut = proxy.inject(
          FaultRule.on("GET", "/v2/lade/rough/blobs/sha256:.*", Fault.resetResponseBodyAfter(700_000)));
      ArmedFault error = proxy.inject(FaultRule.on("GET", "/v2/lade/rough/manifests/.*", Fault.status(500)));
      String ref = proxy.host() + "/lade/rough:1";

      CliRun push = CliRun.of("copy", "oci:" + layout.root() + ":1", ref);
      CliRun pull = CliRun.of("--root", root, "pull", ref);

      assertEquals(0, push.exitCode(), push.err());
      assertEquals(image.digest() + "\n", push.out());
      assertEquals(0, pull.exitCode(), pull.err());
      assertTrue(pull.out().startsWith("Digest: " + image.digest()), pull.out());
      for (ArmedFault fault : new ArmedFault[] {reset, busy, cut, error}) assertEquals(1, fault.injections(), fault::toString);
    }
    CliRun fsck = CliRun.of("--root", root, "fsck");
    assertEquals(0, fsck.exitCode(), fsck.out() + fsck.err());
  }
}
