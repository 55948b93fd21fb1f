package dev.lade.buildkit.remote;

import dev.lade.oci.reference.Reference;
import java.io.IOException;

/** Sends images from the build's store to their registries ({@code type=image,push=true}). */
@FunctionalInterface
public interface ImagePusher {
  /**
   * Pushes the image the store names {@code name} to the registry and repository of {@code name}.
   *
   * @throws IOException when the registry refuses it or cannot be reached
   */
  void push(Reference name) throws IOException;
}
