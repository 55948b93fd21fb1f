package dev.lade.oci.layer;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.MediaType;
import java.util.Objects;

/**
 * A layer blob as written: {@code digest} and {@code size} of the (compressed) blob, for the
 * manifest's descriptor, and {@code diffId}, the digest of the uncompressed tar, for the image
 * config's {@code rootfs.diff_ids}.
 */
public record WrittenLayer(Digest digest, long size, Digest diffId, MediaType mediaType) {
  public WrittenLayer {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(diffId, "diffId");
    Objects.requireNonNull(mediaType, "mediaType");
    if (size < 0) throw new IllegalArgumentException("negative size " + size);
  }
}
