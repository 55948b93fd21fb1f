package dev.lade.oci.store;

import dev.lade.oci.image.Descriptor;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * Content that garbage collection must keep besides what the references need, such as a build
 * cache's layers. Each root is kept with everything it refers to (an index's manifests, a
 * manifest's config and layers).
 */
@FunctionalInterface
public interface GcRoots {
  /** No roots beyond the references. */
  GcRoots NONE = List::of;

  /** The descriptors to keep. Called while garbage collection holds the store's locks. */
  Collection<Descriptor> roots() throws IOException;
}
