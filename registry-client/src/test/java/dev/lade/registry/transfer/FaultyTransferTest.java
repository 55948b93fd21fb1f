package dev.lade.registry.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.platform.PlatformPreference;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.Fsck;
import dev.lade.oci.store.FsckReport;
import dev.lade.oci.store.Lease;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.RegistryClient;
import dev.lade.registry.RegistryConfig;
import dev.lade.registry.RegistryException;
import dev.lade.registry.UploadOptions;
import dev.lade.registry.testing.ArmedFault;
import dev.lade.registry.testing.Fault;
import dev.lade.registry.testing.FaultProxy;
import dev.lade.registry.testing.FaultRule;
import dev.lade.registry.testing.RegistryExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Images of hundreds of megabytes through resets, server errors and rate limits arrive with their digests. */
class FaultyTransferTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  private static final Duration STALL = Duration.ofSeconds(6);

  @TempDir Path temp;
  private FaultProxy proxy;
  private RegistryClient client;
  private OciLayoutStore layout;
  private OciLayoutStore store;
  private final ImageCopier copier = new ImageCopier(ImageCopier.DEFAULT_CONCURRENCY, TransferListener.NONE);

  @BeforeEach
  void start() throws Exception {
    proxy = FaultProxy.inFrontOf(registry.registry());
    client = RegistryClient.forRegistry(proxy.host(), TransferTestConfig.anonymous(temp.resolve("certs.d")));
    layout = OciLayoutStore.open(temp.resolve("layout"));
    store = OciLayoutStore.open(temp.resolve("store"));
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    proxy.close();
  }

  /**
   * The proof: 200 MB in four layers (two above a monolithic-upload limit of 32 MiB, so they
   * go in chunks) push and pull through resets mid-body both ways, 500s, 503s, 429s with Retry-After and
   * a stall past the read timeout, and arrive with their digests in a store fsck finds clean.
   */
  @Test
  void twoHundredMegabytesInFourLayersSurviveFaultsBothWays() throws Exception {
    Descriptor image = TestImages.named(layout, "big", TestImages.largeImage(layout, Platform.of("linux", "amd64"), 42,
        80_000_000L, 60_000_000L, 40_000_000L, 20_000_000L));
    client.close();
    client = RegistryClient.forRegistry(proxy.host(), impatient(TransferTestConfig.anonymous(temp.resolve("certs.d")))
        .withUploads(new UploadOptions(32L << 20, 16L << 20, 5)));
    ArmedFault chunkReset = proxy.inject(
        FaultRule.on("PATCH", "/v2/lade/big/blobs/uploads/.*", Fault.resetRequestBodyAfter(3_000_000)).times(2));
    ArmedFault uploadReset = proxy.inject(
        FaultRule.on("PUT", "/v2/lade/big/blobs/uploads/.*", Fault.resetRequestBodyAfter(1_000_000)));
    ArmedFault headError = proxy.inject(FaultRule.on("HEAD", "/v2/lade/big/blobs/.*", Fault.status(500)).times(2));
    ArmedFault manifestBusy = proxy.inject(
        FaultRule.on("PUT", "/v2/lade/big/manifests/.*", Fault.tooManyRequests(Duration.ofSeconds(1))));
    ArmedFault manifestStall = proxy.inject(
        FaultRule.on("GET", "/v2/lade/big/manifests/.*", Fault.stall(STALL)));
    ArmedFault downloadReset = proxy.inject(
        FaultRule.on("GET", "/v2/lade/big/blobs/sha256:.*", Fault.resetResponseBodyAfter(5_000_000)).times(3));
    ArmedFault downloadError = proxy.inject(
        FaultRule.on("GET", "/v2/lade/big/blobs/sha256:.*", Fault.status(503)).skipping(4));

    CopyResult pushed = copier.copy(StoreImage.inLayout(layout, "big"), new RegistryRepository(client, "lade/big", "1"), null);
    Reference ref = Reference.parse(proxy.host() + "/lade/big:1");
    CopyResult pulled;
    try (Lease lease = store.lease()) {
      pulled = copier.copy(new RegistryRepository(client, "lade/big", "1"), StoreImage.named(store, ref),
          PlatformPreference.host());
    }

    assertEquals(image.digest(), pushed.root().digest());
    assertEquals(image.digest(), pulled.root().digest());
    assertEquals(5, pulled.blobsSent());
    for (ArmedFault fault : new ArmedFault[] {
        chunkReset, uploadReset, headError, manifestBusy, manifestStall, downloadReset, downloadError}) {
      assertTrue(fault.injections() > 0, fault::toString);
    }
    FsckReport report = Fsck.check(store);
    assertTrue(report.ok(), report.problems()::toString);
    assertEquals(6, report.blobsChecked());
    long stored = sizeOfBlobs(store);
    assertTrue(stored > 200_000_000L && stored < 200_010_000L, "bytes stored: " + stored);
  }

  /** A read timeout shorter than {@link #STALL}, still ample for a 16 MB chunk on loopback. */
  private static RegistryConfig impatient(RegistryConfig config) {
    return config.withTransport(config.transport().withTimeouts(Duration.ofSeconds(5), STALL.minusSeconds(2)));
  }

  private static long sizeOfBlobs(OciLayoutStore store) throws IOException {
    long total = 0;
    for (Digest digest : store.blobs().list()) total += store.blobs().size(digest);
    return total;
  }

  /**
   * A registry-to-registry copy does not hash what it downloads: the target registry checks every
   * blob against its digest, so a source that serves other bytes of the right length is refused.
   */
  @Test
  void aTamperedBlobIsRefusedByTheTargetRegistry() throws Exception {
    Descriptor image = TestImages.named(layout, "1", TestImages.image(layout, Platform.of("linux", "amd64"), 9, 3000));
    copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/genuine", "1"), null);
    Descriptor layer = Manifest.parse(StoreImage.inLayout(layout, "1").manifest(image)).layers().get(0);
    ArmedFault forged = proxy.inject(FaultRule.on("GET", "/v2/lade/genuine/blobs/" + layer.digest(),
        new Fault.Respond(200, Map.of("Content-Type", "application/octet-stream"), "x".repeat(3000))).always());

    RegistryException e = assertThrows(RegistryException.class, () -> copier.copy(
        new RegistryRepository(client, "lade/genuine", "1"), new RegistryRepository(client, "lade/forged", "1"), null));

    assertTrue(forged.injections() > 0);
    assertEquals(400, e.status(), e::getMessage);
    assertTrue(e.hasCode("DIGEST_INVALID"), e::getMessage);
    assertTrue(client.manifests().head("lade/forged", "1").isEmpty(), "nothing tagged");
  }

  @Test
  void aFailedPullLeavesNoReferenceAndASoundStore() throws Exception {
    TestImages.named(layout, "1", TestImages.image(layout, Platform.of("linux", "amd64"), 7, 300_000, 400_000));
    copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/broken", "1"), null);
    proxy.inject(FaultRule.on("GET", "/v2/lade/broken/blobs/sha256:.*", Fault.status(500)).skipping(1).always());

    Reference ref = Reference.parse(proxy.host() + "/lade/broken:1");
    RegistryException e = assertThrows(RegistryException.class, () -> copier.copy(
        new RegistryRepository(client, "lade/broken", "1"), StoreImage.named(store, ref), PlatformPreference.host()));

    assertEquals(500, e.status());
    assertTrue(store.refs().list().isEmpty());
    FsckReport report = Fsck.check(store);
    assertTrue(report.ok(), report.problems()::toString);
  }
}
