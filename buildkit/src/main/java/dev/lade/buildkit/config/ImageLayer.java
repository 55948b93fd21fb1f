package dev.lade.buildkit.config;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import java.util.Objects;

/**
 * A layer of an image being built: its blob in the store and the digest of its uncompressed tar.
 *
 * @param blob the compressed blob's descriptor
 * @param diffId the DiffID, as listed in the config's {@code rootfs}
 */
public record ImageLayer(Descriptor blob, Digest diffId) {
  public ImageLayer {
    Objects.requireNonNull(blob, "blob");
    Objects.requireNonNull(diffId, "diffId");
  }
}
