package dev.lade.oci.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.Index;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.platform.PlatformPreference;
import dev.lade.oci.reference.Reference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageResolverTest {
  static final Platform AMD64 = Platform.of("linux", "amd64");
  static final Platform ARM64 = Platform.of("linux", "arm64", "v8");

  @TempDir Path root;
  OciLayoutStore store;
  Descriptor amd64;
  Descriptor arm64;

  @BeforeEach
  void storeAnIndex() throws IOException {
    store = OciLayoutStore.open(root);
    amd64 = TestImages.store(store, "amd64 layer").withPlatform(AMD64);
    arm64 = TestImages.store(store, "arm64 layer").withPlatform(ARM64);
    Blob index = store.blobs().write(LayoutIndexJson.write(Index.of(MediaType.OCI_INDEX, List.of(amd64, arm64))));
    store.refs().put(Reference.parse("multi:1"), Descriptor.of(MediaType.OCI_INDEX, index.digest(), index.size()));
  }

  @Test
  void picksThePreferredPlatformFromAnIndex() throws IOException {
    ResolvedImage image = new ImageResolver(store, PlatformPreference.only(ARM64)).resolve("multi:1");
    assertEquals(arm64.digest(), image.manifestDescriptor().digest());
    assertEquals(MediaType.OCI_INDEX, image.target().mediaType());
  }

  @Test
  void saysWhenNoManifestFitsThePlatform() {
    ImageResolver windows = new ImageResolver(store, PlatformPreference.only(Platform.of("windows", "amd64")));
    ImageNotFoundException e = assertThrows(ImageNotFoundException.class, () -> windows.resolve("multi:1"));
    assertEquals("no such image: docker.io/library/multi:1 for platform " + PlatformPreference.only(Platform.of("windows", "amd64")), e.getMessage());
  }

  @Test
  void findsImagesByNameAndDigest() throws IOException {
    Descriptor target = store.refs().get(Reference.parse("multi:1")).orElseThrow();
    assertEquals(target, ImageResolver.forHost(store).target("multi@" + target.digest()));
    assertThrows(ImageNotFoundException.class, () -> ImageResolver.forHost(store).target("other@" + target.digest()));
  }

  @Test
  void pruneKeepsEveryPlatformOfAnIndex() throws IOException {
    assertEquals(List.of(), store.prune(GcRoots.NONE).deleted());
    assertEquals(7, store.blobs().list().size());
  }
}
