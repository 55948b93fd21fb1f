package dev.lade.oci.store;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.reference.Reference;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a {@link RefIndex}: a manifest or index, and the reference it is known by.
 *
 * @param reference the full reference, such as {@code docker.io/library/busybox:latest}; empty for
 *     an untagged image (Docker's {@code <none>})
 * @param target the manifest or index descriptor
 */
public record RefEntry(Optional<Reference> reference, Descriptor target) {
  public RefEntry {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(target, "target");
  }
}
