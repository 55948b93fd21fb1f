package dev.lade.registry.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.platform.PlatformPreference;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.Fsck;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.RegistryClient;
import dev.lade.registry.UploadOptions;
import dev.lade.registry.blob.BlobVerificationException;
import dev.lade.registry.blob.SelfVerifying;
import dev.lade.registry.blob.VerifyingInputStream;
import dev.lade.registry.testing.RegistryExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Copies between an OCI layout, a real registry and a store, checking digests survive. */
class ImageCopierTest {
  private static final Platform AMD64 = Platform.of("linux", "amd64");
  private static final Platform ARM64 = Platform.of("linux", "arm64");

  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path temp;
  private RegistryClient client;
  private OciLayoutStore layout;
  private OciLayoutStore store;
  private final Map<TransferListener.Event, AtomicInteger> events = new ConcurrentHashMap<>();
  private ImageCopier copier;

  @BeforeEach
  void open() throws Exception {
    client = RegistryClient.forRegistry(registry.host(), TransferTestConfig.anonymous(temp.resolve("certs.d")));
    layout = OciLayoutStore.open(temp.resolve("layout"));
    store = OciLayoutStore.open(temp.resolve("store"));
    copier = new ImageCopier(4, (blob, event) -> events.computeIfAbsent(event, e -> new AtomicInteger()).incrementAndGet());
  }

  @AfterEach
  void close() throws Exception {
    client.close();
  }

  private int count(TransferListener.Event event) {
    return events.getOrDefault(event, new AtomicInteger()).get();
  }

  private void assertStoreSound() throws Exception {
    var report = Fsck.check(store);
    assertTrue(report.ok(), report.problems()::toString);
  }

  private Reference ref(String repositoryAndTag) {
    return Reference.parse(registry.host() + "/" + repositoryAndTag);
  }

  @Test
  void neverStoresATamperedBlobThatCameThroughAVerifyingStream() throws Exception {
    TestImages.named(layout, "1.0", TestImages.image(layout, AMD64, 1, 1000, 2000));
    StoreImage honest = StoreImage.inLayout(layout, "1.0");
    ImageSource tampering = new ImageSource() {
      @Override
      public Descriptor root() throws IOException {
        return honest.root();
      }

      @Override
      public byte[] manifest(Descriptor descriptor) throws IOException {
        return honest.manifest(descriptor);
      }

      @Override
      public InputStream blob(Descriptor descriptor) throws IOException {
        byte[] bytes;
        try (InputStream in = honest.blob(descriptor)) {
          bytes = in.readAllBytes();
        }
        bytes[bytes.length / 2] ^= 1;
        return new VerifyingInputStream(new ByteArrayInputStream(bytes), descriptor.digest(), descriptor.size());
      }

      @Override
      public String describe() {
        return "tampering";
      }
    };
    assertTrue(new ProgressSource(tampering, (blob, event) -> {}).blob(honest.root()) instanceof SelfVerifying,
        "progress counting keeps a download self-verifying, so the store need not hash it again");

    assertThrows(BlobVerificationException.class,
        () -> copier.copy(tampering, StoreImage.named(store, ref("lade/app:1.0")), PlatformPreference.host()));
    assertEquals(List.of(), store.blobs().list(), "no tampered blob, and no manifest over them");
    assertStoreSound();
  }

  @Test
  void pushesFromALayoutAndPullsIntoAStoreWithTheSameDigests() throws Exception {
    Descriptor image = TestImages.named(layout, "1.0", TestImages.image(layout, AMD64, 1, 1000, 2000, 3000));

    CopyResult pushed = copier.copy(StoreImage.inLayout(layout, "1.0"),
        new RegistryRepository(client, "lade/app", "1.0"), null);
    CopyResult pulled = copier.copy(new RegistryRepository(client, "lade/app", "1.0"),
        StoreImage.named(store, ref("lade/app:1.0")), PlatformPreference.host());

    assertEquals(image.digest(), pushed.root().digest());
    assertEquals(4, pushed.blobsSent());
    assertEquals(image.digest(), pulled.root().digest());
    assertEquals(image.digest(), pulled.manifest().digest());
    assertEquals(image.digest(), store.refs().get(ref("lade/app:1.0")).orElseThrow().digest());
    assertEquals(client.manifests().head("lade/app", "1.0").orElseThrow().digest(), image.digest());
    assertStoreSound();
  }

  @Test
  void reportsEachSentBlobsBytesUpToItsSizeBothWays() throws Exception {
    Descriptor image = TestImages.named(layout, "1", TestImages.image(layout, AMD64, 5, 300_000, 40_000));
    Map<String, Long> expected = new java.util.HashMap<>();
    for (var digest : layout.blobs().list()) {
      if (!digest.equals(image.digest())) expected.put(digest.toString(), layout.blobs().size(digest));
    }
    Map<String, Long> reached = new ConcurrentHashMap<>();
    TransferListener listener = new TransferListener() {
      @Override
      public void blob(Descriptor blob, Event event) {}

      @Override
      public void progress(Descriptor blob, long bytes) {
        reached.merge(blob.digest().toString(), bytes, Math::max);
      }
    };
    ImageCopier counting = new ImageCopier(2, listener);

    CopyResult pushed = counting.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/counted", "1"), null);
    Map<String, Long> pushedBytes = Map.copyOf(reached);
    reached.clear();
    counting.copy(new RegistryRepository(client, "lade/counted", "1"),
        StoreImage.named(store, ref("lade/counted:1")), PlatformPreference.host());

    assertEquals(3, expected.size(), "two layers and the config");
    assertEquals(expected, pushedBytes);
    assertEquals(expected, reached);
    assertEquals(3, pushed.blobsSent());
  }

  @Test
  void skipsBlobsTheTargetHas() throws Exception {
    TestImages.named(layout, "1", TestImages.image(layout, AMD64, 2, 500, 600));
    copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/again", "1"), null);
    events.clear();

    CopyResult second = copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/again", "2"), null);

    assertEquals(0, second.blobsSent());
    assertEquals(3, count(TransferListener.Event.EXISTS));
    assertEquals(0, count(TransferListener.Event.STARTED));
  }

  @Test
  void pullsOnePlatformOfAnIndexAndPushesTheIndexBackUnchanged() throws Exception {
    Descriptor amd = TestImages.image(layout, AMD64, 3, 700);
    Descriptor arm = TestImages.image(layout, ARM64, 4, 800);
    Descriptor index = TestImages.named(layout, "multi", TestImages.index(layout, List.of(amd, arm)));
    copier.copy(StoreImage.inLayout(layout, "multi"), new RegistryRepository(client, "lade/multi", "1"), null);

    CopyResult pulled = copier.copy(new RegistryRepository(client, "lade/multi", "1"),
        StoreImage.named(store, ref("lade/multi:1")), PlatformPreference.only(ARM64));

    assertEquals(index.digest(), pulled.root().digest());
    assertEquals(arm.digest(), pulled.manifest().digest());
    assertTrue(store.blobs().has(arm.digest()));
    assertFalse(store.blobs().has(amd.digest()), "the other platform stays in the registry");
    assertEquals(index.digest(), store.refs().get(ref("lade/multi:1")).orElseThrow().digest());
    assertStoreSound();

    CopyResult pushed = copier.copy(StoreImage.named(store, ref("lade/multi:1")),
        new RegistryRepository(client, "lade/multi", "back"), null);
    assertEquals(index.digest(), pushed.root().digest());
    assertEquals(index.digest(), client.manifests().head("lade/multi", "back").orElseThrow().digest());
  }

  /**
   * The registry sees every blob before the manifests, and both platforms' manifests before their
   * index, which goes once, under its tag (a PUT by tag stores it by digest too).
   */
  @Test
  void pushesBlobsThenManifestsThenTheIndexUnderItsTag() throws Exception {
    Descriptor amd = TestImages.image(layout, AMD64, 30, 700, 900);
    Descriptor arm = TestImages.image(layout, ARM64, 31, 800);
    Descriptor index = TestImages.named(layout, "ordered", TestImages.index(layout, List.of(amd, arm)));

    copier.copy(StoreImage.inLayout(layout, "ordered"), new RegistryRepository(client, "lade/ordered", "1"), null);

    List<String> puts = putsLogged("lade/ordered", 3);
    assertEquals(List.of("blob", "blob", "blob", "blob", "blob"),
        puts.subList(0, 5).stream().map(put -> put.substring(0, 4)).toList(), puts::toString);
    assertEquals(java.util.Set.of("manifest " + amd.digest(), "manifest " + arm.digest()), java.util.Set.copyOf(puts.subList(5, 7)));
    assertEquals(List.of("manifest 1"), puts.subList(7, puts.size()));
    assertEquals(index.digest(), client.manifests().head("lade/ordered", index.digest().toString()).orElseThrow().digest());
    assertEquals(index.digest(), client.manifests().head("lade/ordered", "1").orElseThrow().digest());
  }

  /**
   * The {@code PUT}s the registry logged for {@code repository}, in order: {@code blob} for a
   * closed upload, {@code manifest REFERENCE} for a manifest; once {@code manifests} are logged.
   */
  private static List<String> putsLogged(String repository, int manifests) throws Exception {
    String prefix = "/v2/" + repository + "/";
    java.util.function.Function<List<dev.lade.registry.testing.LoggedRequest>, List<String>> puts = logged -> logged.stream()
        .filter(r -> r.method().equals("PUT") && r.path().startsWith(prefix))
        .map(r -> r.path().startsWith(prefix + "blobs/") ? "blob" : "manifest " + r.path().substring((prefix + "manifests/").length()))
        .toList();
    return puts.apply(registry.registry().requests(
        logged -> puts.apply(logged).stream().filter(p -> p.startsWith("manifest")).count() >= manifests));
  }

  @Test
  void refusesAnIndexWithoutThePlatform() throws Exception {
    Descriptor amd = TestImages.image(layout, AMD64, 5, 100);
    TestImages.named(layout, "amd", TestImages.index(layout, List.of(amd)));
    copier.copy(StoreImage.inLayout(layout, "amd"), new RegistryRepository(client, "lade/amdonly", "1"), null);

    TransferException e = assertThrows(TransferException.class, () -> copier.copy(
        new RegistryRepository(client, "lade/amdonly", "1"),
        StoreImage.named(store, ref("lade/amdonly:1")), PlatformPreference.only(Platform.of("linux", "s390x"))));

    assertTrue(e.getMessage().contains("no image for platform linux/s390x"), e.getMessage());
    assertTrue(store.refs().list().isEmpty());
  }

  @Test
  void mountsBlobsFromAnotherRepositoryOfTheRegistry() throws Exception {
    TestImages.named(layout, "1", TestImages.image(layout, AMD64, 6, 900, 901));
    copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/origin", "1"), null);
    events.clear();

    CopyResult copied = copier.copy(new RegistryRepository(client, "lade/origin", "1"),
        RegistryRepository.copyingFrom(client, "lade/copy", "1", "lade/origin"), null);

    assertEquals(0, copied.blobsSent());
    assertEquals(3, count(TransferListener.Event.MOUNTED));
    assertEquals(copied.root().digest(), client.manifests().head("lade/copy", "1").orElseThrow().digest());
    assertEquals(0, registry.registry().requests(logged -> true).stream()
        .filter(r -> r.method().equals("HEAD") && r.path().startsWith("/v2/lade/copy/blobs/")).count(),
        "a mount needs no HEAD first");
  }

  /**
   * A push mounts from the repository its image came from, which may lack a blob the target has:
   * the target is asked first, one HEAD a blob, and such blobs are reported as existing (Docker's
   * "Already exists"), never asked to be mounted; blobs the target lacks are then mounted.
   */
  @Test
  void aPushAsksTheTargetBeforeMountingFromTheImagesOrigin() throws Exception {
    TestImages.named(layout, "1", TestImages.image(layout, AMD64, 9, 300, 301));
    copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/pushed", "1"), null);
    TestImages.named(layout, "2", TestImages.image(layout, AMD64, 10, 302));
    copier.copy(StoreImage.inLayout(layout, "2"), new RegistryRepository(client, "lade/origin2", "2"), null);
    events.clear();

    copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/pushed", "again", List.of("lade/origin2")), null);

    assertEquals(3, count(TransferListener.Event.EXISTS));
    assertEquals(0, count(TransferListener.Event.MOUNTED));
    assertEquals(3, logged("HEAD", "/v2/lade/pushed/blobs/", 200, 3), "one HEAD a blob");
    assertEquals(0, logged("POST", "/v2/lade/pushed/blobs/uploads/?mount=", 0, 0), "no mount asked for");
    events.clear();

    copier.copy(StoreImage.inLayout(layout, "2"), new RegistryRepository(client, "lade/pushed", "2", List.of("lade/origin2")), null);

    assertEquals(2, count(TransferListener.Event.MOUNTED));
    assertEquals(2, logged("POST", "/v2/lade/pushed/blobs/uploads/?mount=", 201, 2));
  }

  /**
   * How many {@code method} requests to targets (path and query) starting {@code prefix} the registry logged with {@code
   * status} (0: any), waiting until it logged at least {@code expected}.
   */
  private static long logged(String method, String prefix, int status, int expected) throws Exception {
    java.util.function.ToLongFunction<List<dev.lade.registry.testing.LoggedRequest>> count = logged -> logged.stream()
        .filter(r -> r.method().equals(method) && r.target().startsWith(prefix) && (status == 0 || r.status() == status))
        .count();
    return count.applyAsLong(registry.registry().requests(logged -> count.applyAsLong(logged) >= expected));
  }

  @Test
  void copiesBetweenRepositoriesInChunksStreamingFromTheSource() throws Exception {
    Descriptor image = TestImages.named(layout, "1", TestImages.image(layout, AMD64, 8, 50_000, 70_000));
    copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/whole", "1"), null);
    try (RegistryClient chunked = RegistryClient.forRegistry(registry.host(),
        TransferTestConfig.anonymous(temp.resolve("certs.d")).withUploads(new UploadOptions(0, 16_384, 3)))) {

      CopyResult copied = copier.copy(new RegistryRepository(client, "lade/whole", "1"),
          new RegistryRepository(chunked, "lade/chunked", "1"), null);

      assertEquals(3, copied.blobsSent());
      assertEquals(image.digest(), chunked.manifests().head("lade/chunked", "1").orElseThrow().digest());
    }
    copier.copy(new RegistryRepository(client, "lade/chunked", "1"), StoreImage.named(store, ref("lade/chunked:1")), null);
    assertStoreSound();
  }

  @Test
  void remembersWhereAPulledImageCameFrom() throws Exception {
    TestImages.named(layout, "1", TestImages.image(layout, AMD64, 7, 10));
    copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/known", "1"), null);

    copier.copy(new RegistryRepository(client, "lade/known", "1"), StoreImage.named(store, ref("lade/known:1")), null);

    assertEquals(ref("lade/known"), StoreImage.named(store, ref("lade/known:1")).origin().orElseThrow());
    assertNull(StoreImage.inLayout(layout, "1").origin().orElse(null));
  }
}
