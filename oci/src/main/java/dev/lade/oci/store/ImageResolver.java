package dev.lade.oci.store;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.Index;
import dev.lade.oci.image.InvalidImageException;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.json.RawJson;
import dev.lade.oci.platform.PlatformPreference;
import dev.lade.oci.reference.Reference;
import java.io.IOException;
import java.util.Optional;

/** Finds images in a store by reference and picks the manifest for a platform. */
public final class ImageResolver {
  private final Store store;
  private final PlatformPreference platforms;

  /** A resolver choosing from indexes by {@code platforms}. */
  public ImageResolver(Store store, PlatformPreference platforms) {
    this.store = store;
    this.platforms = platforms;
  }

  /** A resolver choosing the host's platform from indexes. */
  public static ImageResolver forHost(Store store) {
    return new ImageResolver(store, PlatformPreference.host());
  }

  /**
   * The target of {@code reference} as the user typed it ({@code busybox} means {@code
   * docker.io/library/busybox:latest}; {@code name@digest} also finds a tagged entry with that
   * digest).
   *
   * @throws ImageNotFoundException if no entry matches
   */
  public Descriptor target(String reference) throws IOException {
    Reference ref = Reference.parse(reference).withDefaultTag();
    Optional<Descriptor> direct = store.refs().get(ref);
    if (direct.isPresent()) return direct.get();
    if (ref.digest() != null) {
      for (RefEntry entry : store.refs().list()) {
        boolean sameName = entry.reference().map(r -> r.name().equals(ref.name())).orElse(false);
        if (sameName && entry.target().digest().equals(ref.digest())) return entry.target();
      }
    }
    throw new ImageNotFoundException(reference);
  }

  /** The image {@code reference} names, for this resolver's platform. */
  public ResolvedImage resolve(String reference) throws IOException {
    Descriptor target = target(reference);
    return resolve(Optional.of(Reference.parse(reference).withDefaultTag()), target);
  }

  /** The image at {@code target}, known as {@code reference} if tagged, for this resolver's platform. */
  public ResolvedImage resolve(Optional<Reference> reference, Descriptor target) throws IOException {
    String name = reference.map(Reference::toString).orElse(target.digest().toString());
    Descriptor manifestDescriptor = target;
    for (int depth = 0; manifestDescriptor.mediaType().isIndex(); depth++) {
      if (depth > 8) throw new CorruptStoreException(name, "indexes nested too deep", null);
      Index index = (Index) ImageGraph.readDocument(store.blobs(), manifestDescriptor);
      manifestDescriptor = index.manifestFor(platforms).orElseThrow(() -> new ImageNotFoundException(
          name + " for platform " + platforms));
    }
    try {
      RawJson<Manifest> manifest =
          RawJson.parse(ImageGraph.readSmallBlob(store.blobs(), manifestDescriptor), Manifest::parse);
      RawJson<ImageConfig> config =
          RawJson.parse(ImageGraph.readSmallBlob(store.blobs(), manifest.value().config()), ImageConfig::parse);
      return new ResolvedImage(reference, target, manifestDescriptor, manifest, config);
    } catch (InvalidImageException e) {
      throw new CorruptStoreException(name, e.getMessage(), e);
    }
  }
}
