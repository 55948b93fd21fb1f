package dev.lade.oci.store;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.json.RawJson;
import dev.lade.oci.reference.Reference;
import java.util.Optional;

/**
 * An image found in the store for one platform.
 *
 * @param reference the reference it was found by; empty for an untagged image
 * @param target what the reference points at: the manifest, or an index holding it
 * @param manifestDescriptor the manifest's descriptor
 * @param manifest the manifest, with its exact bytes
 * @param config the config, with its exact bytes
 */
public record ResolvedImage(
    Optional<Reference> reference,
    Descriptor target,
    Descriptor manifestDescriptor,
    RawJson<Manifest> manifest,
    RawJson<ImageConfig> config) {

  /** The bytes of the config and the layers, as Docker's SIZE column counts them. */
  public long contentSize() {
    return manifest.value().config().size()
        + manifest.value().layers().stream().mapToLong(Descriptor::size).sum();
  }
}
