package dev.lade.buildkit.remote;

import java.io.IOException;

/** Fetches images from registries into the build's store (FROM and {@code COPY --from} of images). */
@FunctionalInterface
public interface ImagePuller {
  /**
   * Copies the image {@code request} names into the store and names it there by its reference.
   *
   * @throws IOException when the registry cannot be reached or does not have the image
   */
  void pull(PullRequest request) throws IOException;

  /** A puller for builds that must not reach a registry: every pull fails, naming the image. */
  static ImagePuller offline() {
    return request -> {
      throw new IOException(request.reference() + ": pulling images is not available in this build");
    };
  }
}
