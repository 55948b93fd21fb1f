package dev.lade.oci.store;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.image.RootFs;
import dev.lade.oci.platform.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small images written straight into a store. */
final class TestImages {
  private TestImages() {}

  /** Stores a linux/amd64 image of one layer holding {@code layerText}; returns its manifest. */
  static Descriptor store(Store store, String layerText) throws IOException {
    Blob layer = store.blobs().write(layerText.getBytes(StandardCharsets.UTF_8));
    ImageConfig config = ImageConfig.builder(Platform.of("linux", "amd64"))
        .rootfs(RootFs.layers(List.of(layer.digest()))).build();
    Blob configBlob = store.blobs().write(config.toJson());
    Manifest manifest = Manifest.of(MediaType.OCI_MANIFEST,
        Descriptor.of(MediaType.OCI_CONFIG, configBlob.digest(), configBlob.size()),
        List.of(Descriptor.of(MediaType.OCI_LAYER, layer.digest(), layer.size())));
    Blob manifestBlob = store.blobs().write(manifest.toJson());
    return Descriptor.of(MediaType.OCI_MANIFEST, manifestBlob.digest(), manifestBlob.size());
  }
}
