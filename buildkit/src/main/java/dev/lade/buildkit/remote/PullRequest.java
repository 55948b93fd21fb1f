package dev.lade.buildkit.remote;

import dev.lade.oci.platform.Platform;
import dev.lade.oci.reference.Reference;
import java.util.Objects;

/**
 * An image to fetch from its registry into the store.
 *
 * @param reference the image, normalized, with a tag or digest; stored under this name
 * @param platform the platform to fetch when the reference names an index
 */
public record PullRequest(Reference reference, Platform platform) {
  public PullRequest {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(platform, "platform");
  }
}
