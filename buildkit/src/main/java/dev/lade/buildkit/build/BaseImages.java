package dev.lade.buildkit.build;

import dev.lade.buildkit.progress.BuildProgress;
import dev.lade.buildkit.progress.ProgressStep;
import dev.lade.buildkit.remote.ImagePuller;
import dev.lade.buildkit.remote.PullRequest;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.platform.PlatformPreference;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.ImageNotFoundException;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.ResolvedImage;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the images FROM and {@code COPY --from} name: in the store, else (or always with {@code
 * --pull}) pulled from their registry into the store first, for the build's platform. Each image
 * is resolved once per build, even when stages ask for it concurrently.
 */
final class BaseImages {
  private final OciLayoutStore store;
  private final ImagePuller puller;
  private final BuildProgress progress;
  private final boolean pull;
  private final Map<String, ResolvedImage> resolved = new ConcurrentHashMap<>();

  BaseImages(OciLayoutStore store, ImagePuller puller, BuildProgress progress, boolean pull) {
    this.store = store;
    this.puller = puller;
    this.progress = progress;
    this.pull = pull;
  }

  /**
   * The image {@code reference} names, for {@code platform}.
   *
   * @throws ImageNotFoundException if neither the store nor the registry has it
   */
  ResolvedImage resolve(String reference, Platform platform) throws IOException {
    Reference ref = Reference.parse(reference).withDefaultTag();
    String key = ref + " " + platform;
    ResolvedImage known = resolved.get(key);
    if (known != null) return known;
    synchronized (this) {
      known = resolved.get(key);
      if (known != null) return known;
      ResolvedImage image = load(ref, platform);
      resolved.put(key, image);
      return image;
    }
  }

  private ResolvedImage load(Reference ref, Platform platform) throws IOException {
    ProgressStep step = progress.start("[internal] load metadata for " + ref);
    ImageResolver resolver = new ImageResolver(store, PlatformPreference.only(platform));
    try {
      if (!pull) {
        try {
          ResolvedImage image = resolver.resolve(ref.toString());
          step.done();
          return image;
        } catch (ImageNotFoundException notStored) {
          // pull it
        }
      }
      puller.pull(new PullRequest(ref, platform));
      ResolvedImage image = resolver.resolve(ref.toString());
      step.done();
      return image;
    } catch (IOException | RuntimeException e) {
      step.failed(e.getMessage());
      throw e;
    }
  }
}
