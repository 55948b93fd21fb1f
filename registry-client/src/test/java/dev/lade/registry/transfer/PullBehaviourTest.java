package dev.lade.registry.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.platform.PlatformPreference;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.RegistryClient;
import dev.lade.registry.testing.Fault;
import dev.lade.registry.testing.FaultProxy;
import dev.lade.registry.testing.FaultRule;
import dev.lade.registry.testing.RegistryExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** How a pull moves blobs from a real registry: in parallel, and only those the store lacks. */
class PullBehaviourTest {
  private static final Duration STALL = Duration.ofMillis(1500);

  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path temp;

  /**
   * Every blob download is held {@value} ms by a proxy; four layers and a config one after
   * another would take five holds, in parallel about one.
   */
  @Test
  void downloadsTheLayersInParallelAndSkipsWhatTheStoreHas() throws Exception {
    OciLayoutStore layout = OciLayoutStore.open(temp.resolve("layout"));
    OciLayoutStore store = OciLayoutStore.open(temp.resolve("store"));
    Platform amd64 = Platform.of("linux", "amd64");
    TestImages.named(layout, "1", TestImages.image(layout, amd64, 21, 10_000, 20_000, 30_000, 40_000));
    Descriptor second = TestImages.named(layout, "2", TestImages.image(layout, amd64, 21, 10_000, 20_000, 30_000, 50_000));
    ImageCopier copier = new ImageCopier(4, TransferListener.NONE);
    try (FaultProxy proxy = FaultProxy.inFrontOf(registry.registry());
        RegistryClient client = RegistryClient.forRegistry(proxy.host(), TransferTestConfig.anonymous(temp.resolve("certs.d")))) {
      copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/parallel", "1"), null);
      copier.copy(StoreImage.inLayout(layout, "2"), new RegistryRepository(client, "lade/parallel", "2"), null);
      proxy.inject(FaultRule.on("GET", "/v2/lade/parallel/blobs/.*", new Fault.Stall(STALL)).always());

      long start = System.nanoTime();
      CopyResult first = copier.copy(new RegistryRepository(client, "lade/parallel", "1"),
          StoreImage.named(store, Reference.parse(proxy.host() + "/lade/parallel:1")), PlatformPreference.host());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      CopyResult next = copier.copy(new RegistryRepository(client, "lade/parallel", "2"),
          StoreImage.named(store, Reference.parse(proxy.host() + "/lade/parallel:2")), PlatformPreference.host());

      assertEquals(5, first.blobsSent());
      assertTrue(took.compareTo(STALL.multipliedBy(3)) < 0, "five held downloads took " + took);
      assertEquals(2, next.blobsSent(), "the new layer and config; three layers were in the store");
      assertEquals(second.digest(), next.root().digest());
    }
  }

  /** A registry (or a proxy on the way) serving other bytes under a digest gets them refused. */
  @Test
  void aLayerWhoseBytesDoNotMatchItsDigestIsRefusedAndNotStored() throws Exception {
    OciLayoutStore layout = OciLayoutStore.open(temp.resolve("layout"));
    OciLayoutStore store = OciLayoutStore.open(temp.resolve("store"));
    Descriptor image = TestImages.named(layout, "1", TestImages.image(layout, Platform.of("linux", "amd64"), 22, 5_000));
    Descriptor layer = dev.lade.oci.image.Manifest.parse(layout.blobs().open(image.digest()).readAllBytes()).layers().get(0);
    ImageCopier copier = new ImageCopier(4, TransferListener.NONE);
    try (FaultProxy proxy = FaultProxy.inFrontOf(registry.registry());
        RegistryClient client = RegistryClient.forRegistry(proxy.host(), TransferTestConfig.anonymous(temp.resolve("certs.d")))) {
      copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/tampered", "1"), null);
      proxy.inject(FaultRule.on("GET", "/v2/lade/tampered/blobs/" + layer.digest(), new Fault.Respond(200,
          java.util.Map.of("Content-Type", "application/octet-stream"), "x".repeat(5_000))).always());
      Reference ref = Reference.parse(proxy.host() + "/lade/tampered:1");

      java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> copier.copy(
          new RegistryRepository(client, "lade/tampered", "1"), StoreImage.named(store, ref), PlatformPreference.host()));

      assertTrue(e.getMessage().contains(layer.digest().toString()) && !e.getMessage().contains("\n"), e.getMessage());
      assertTrue(!store.blobs().has(layer.digest()), "no blob under the digest its bytes do not have");
      assertTrue(store.refs().list().isEmpty());
    }
  }
}
