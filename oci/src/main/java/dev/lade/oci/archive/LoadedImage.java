package dev.lade.oci.archive;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.reference.Reference;
import java.util.Optional;

/**
 * An image {@link ImageLoader} put in the store.
 *
 * @param reference the name it was stored under; empty if the archive gave none
 * @param target its manifest or index
 */
public record LoadedImage(Optional<Reference> reference, Descriptor target) {}
