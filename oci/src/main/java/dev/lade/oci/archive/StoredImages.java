package dev.lade.oci.archive;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.json.RawJson;
import dev.lade.oci.store.Blob;
import dev.lade.oci.store.Store;
import java.io.IOException;
import java.util.List;

/** Writes the config and manifest of a new image into a store. */
final class StoredImages {
  private StoredImages() {}

  /** Stores {@code configBytes} and an OCI manifest over {@code layers}; returns the manifest's descriptor. */
  static Descriptor storeManifest(Store store, Descriptor config, List<Descriptor> layers) throws IOException {
    RawJson<Manifest> manifest =
        RawJson.encode(Manifest.of(MediaType.OCI_MANIFEST, config, layers), Manifest::toJson);
    Blob blob = store.blobs().write(manifest.bytes());
    return Descriptor.of(MediaType.OCI_MANIFEST, blob.digest(), blob.size());
  }

  /** Stores a config and returns its descriptor. */
  static Descriptor storeConfig(Store store, ImageConfig config) throws IOException {
    Blob blob = store.blobs().write(config.toJson());
    return Descriptor.of(MediaType.OCI_CONFIG, blob.digest(), blob.size());
  }
}
