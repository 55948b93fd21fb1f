package dev.lade.buildkit.build;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.json.RawJson;

/**
 * A built image, its manifest, config and layers written to the store (not yet named there).
 *
 * @param manifestDescriptor the manifest's descriptor: its digest is the image's id
 * @param manifest the manifest with its exact bytes
 * @param config the config with its exact bytes
 */
public record BuiltImage(Descriptor manifestDescriptor, RawJson<Manifest> manifest, RawJson<ImageConfig> config) {

  /** The config's descriptor. */
  public Descriptor configDescriptor() {
    return manifest.value().config();
  }
}
