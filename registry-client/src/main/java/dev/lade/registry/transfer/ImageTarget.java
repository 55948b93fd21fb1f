package dev.lade.registry.transfer;

import dev.lade.oci.image.Descriptor;
import java.io.IOException;

/** Where an image goes. The copier puts blobs first, then manifests, children before parents, the root last. */
public interface ImageTarget {
  /** Whether the target already has blob {@code descriptor}. */
  boolean hasBlob(Descriptor descriptor) throws IOException;

  /** Gets blob {@code descriptor} without sending it (a registry's cross-repository mount). */
  default boolean mountBlob(Descriptor descriptor) throws IOException {
    return false;
  }

  /**
   * Whether {@link #mountBlob} is surely granted, so that it is asked before {@link #hasBlob} (a
   * granted mount answers both at once); otherwise the target is asked whether it has a blob first.
   */
  default boolean mountsFirst() {
    return false;
  }

  /** Stores blob {@code descriptor}, read from {@code source}. */
  void putBlob(Descriptor descriptor, ImageSource source) throws IOException;

  /** Stores manifest or index {@code descriptor} as exactly {@code bytes}. */
  void putManifest(Descriptor descriptor, byte[] bytes) throws IOException;

  /**
   * Stores {@code root}, the manifest or index copied last, as exactly {@code bytes}, and names the
   * copied image: {@link #putManifest} then {@link #finish}, unless the target does both at once.
   */
  default void putRoot(Descriptor root, byte[] bytes, ImageSource origin) throws IOException {
    putManifest(root, bytes);
    finish(root, origin);
  }

  /**
   * Names the copied image: tags {@code root}, the manifest or index copied last. {@code
   * origin} is where it came from.
   */
  void finish(Descriptor root, ImageSource origin) throws IOException;

  /** Where the target is, for messages. */
  String describe();
}
