package dev.lade.registry.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.digest.DigestAlgorithm;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.platform.PlatformPreference;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.Blob;
import dev.lade.oci.store.Fsck;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.RegistryClient;
import dev.lade.registry.testing.RegistryExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image spec registers sha512 beside sha256. Distribution 2.8 takes a blob uploaded under its
 * sha512 digest (it files it under sha256 and answers with that digest): lade must push, find and
 * pull such a blob by the digest the manifest names, and keep it under {@code blobs/sha512}.
 */
class Sha512TransferTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path temp;

  @Test
  void aLayerNamedBySha512GoesToTheRegistryAndBackUnderItsDigest() throws Exception {
    OciLayoutStore layout = OciLayoutStore.open(temp.resolve("layout"));
    OciLayoutStore store = OciLayoutStore.open(temp.resolve("store"));
    byte[] content = new byte[300_000];
    new Random(512).nextBytes(content);
    Digest sha512 = Digest.of(DigestAlgorithm.SHA512, content);
    layout.blobs().write(new ByteArrayInputStream(content), sha512, content.length);
    Descriptor layer = Descriptor.of(MediaType.OCI_LAYER, sha512, content.length);
    Blob config = layout.blobs().write(("{\"architecture\":\"amd64\",\"os\":\"linux\","
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + sha512 + "\"]}}").getBytes(StandardCharsets.UTF_8));
    Blob manifest = layout.blobs().write(Manifest.of(MediaType.OCI_MANIFEST,
        Descriptor.of(MediaType.OCI_CONFIG, config.digest(), config.size()), List.of(layer)).toJson());
    Descriptor image = TestImages.named(layout, "1", Descriptor.of(MediaType.OCI_MANIFEST, manifest.digest(), manifest.size()));
    Reference pulled = Reference.parse(registry.host() + "/lade/sha512:1");
    ImageCopier copier = new ImageCopier(2, (blob, event) -> {});

    try (RegistryClient client = RegistryClient.forRegistry(registry.host(), TransferTestConfig.anonymous(temp.resolve("certs.d")))) {
      CopyResult pushed = copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/sha512", "1"), null);
      CopyResult again = copier.copy(StoreImage.inLayout(layout, "1"), new RegistryRepository(client, "lade/sha512", "2"), null);
      copier.copy(new RegistryRepository(client, "lade/sha512", "1"), StoreImage.named(store, pulled), PlatformPreference.host());

      assertEquals(image.digest(), pushed.root().digest());
      assertEquals(2, pushed.blobsSent(), "the layer and the config");
      assertEquals(0, again.blobsSent(), "HEAD by the sha512 digest finds the layer");
      try (InputStream served = client.blobs().open("lade/sha512", sha512, content.length)) {
        assertArrayEquals(content, served.readAllBytes());
      }
    }
    assertEquals(image.digest(), store.refs().get(pulled).orElseThrow().digest());
    Path kept = store.root().resolve("blobs/sha512/" + sha512.hex());
    assertArrayEquals(content, Files.readAllBytes(kept));
    var report = Fsck.check(store);
    assertTrue(report.ok(), report.problems()::toString);
  }
}
