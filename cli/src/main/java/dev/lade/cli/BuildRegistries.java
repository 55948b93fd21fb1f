package dev.lade.cli;

import dev.lade.buildkit.remote.ImagePuller;
import dev.lade.buildkit.remote.ImagePusher;
import dev.lade.buildkit.remote.PullRequest;
import dev.lade.oci.platform.PlatformPreference;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.RegistryClient;
import dev.lade.registry.transfer.ImageCopier;
import dev.lade.registry.transfer.RegistryRepository;
import dev.lade.registry.transfer.StoreImage;
import dev.lade.registry.transfer.TransferListener;
import java.io.IOException;

/**
 * The registry client behind {@code lade build}: pulls base images into the store for the
 * build's platform, and pushes built images, with the user's credentials and transport options.
 */
final class BuildRegistries implements ImagePuller, ImagePusher {
  private final OciLayoutStore store;
  private final RegistryAccess registries;

  BuildRegistries(OciLayoutStore store, RegistryAccess registries) {
    this.store = store;
    this.registries = registries;
  }

  @Override
  public void pull(PullRequest request) throws IOException {
    Reference ref = request.reference();
    try (RegistryClient client = registries.client(ref.domain())) {
      RegistryRepository source = new RegistryRepository(client, ref.path(), tagOrDigest(ref));
      copier().copy(source, StoreImage.named(store, ref), PlatformPreference.only(request.platform()));
    }
  }

  @Override
  public void push(Reference name) throws IOException {
    try (RegistryClient client = registries.client(name.domain())) {
      RegistryRepository target = new RegistryRepository(client, name.path(), tagOrDigest(name));
      copier().copy(StoreImage.named(store, name), target, null);
    }
  }

  private static ImageCopier copier() {
    return new ImageCopier(ImageCopier.DEFAULT_CONCURRENCY, TransferListener.NONE);
  }

  private static String tagOrDigest(Reference ref) {
    return ref.digest() != null ? ref.digest().toString() : ref.tag();
  }
}
