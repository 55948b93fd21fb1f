package dev.lade.registry.transfer;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.platform.PlatformPreference;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.ImageGraph;
import dev.lade.oci.store.ImageNotFoundException;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.RefEntry;
import dev.lade.oci.store.Store;
import dev.lade.registry.blob.BlobSource;
import dev.lade.registry.blob.SelfVerifying;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An image in a {@link Store} as a source or target of copies. In lade's store images are named by
 * full references ({@code docker.io/library/busybox:latest}); in an OCI layout directory, as skopeo's
 * {@code oci:DIR:NAME}, by the ref-name annotation as given (usually a bare tag).
 */
public final class StoreImage implements ImageSource, ImageTarget {
  /** The annotation on a store entry naming the repository it was pulled from, as {@code host/path}. */
  public static final String ORIGIN = "dev.lade.image.origin";
  private static final String REF_NAME = "org.opencontainers.image.ref.name";

  private final Store store;
  private final Reference reference;
  private final String layoutName;

  private StoreImage(Store store, Reference reference, String layoutName) {
    this.store = store;
    this.reference = reference;
    this.layoutName = layoutName;
  }

  /** The image {@code reference} names in lade's store. */
  public static StoreImage named(Store store, Reference reference) {
    return new StoreImage(store, reference.withDefaultTag(), null);
  }

  /** The image called {@code name} in an OCI layout; a null name means the layout's only image. */
  public static StoreImage inLayout(OciLayoutStore layout, String name) {
    return new StoreImage(layout, null, name);
  }

  @Override
  public Descriptor root() throws IOException {
    return entry().withAnnotations(Map.of());
  }

  /** The store's entry for this image, with its annotations (such as {@link #ORIGIN}). */
  public Descriptor entry() throws IOException {
    if (reference != null) return new ImageResolver(store, PlatformPreference.host()).target(reference.toString());
    List<RefEntry> entries = store.refs().list();
    if (layoutName == null) {
      if (entries.size() == 1) return entries.get(0).target();
      throw new ImageNotFoundException(describe() + " (the layout holds " + entries.size() + " images: name one)");
    }
    return entries.stream().map(RefEntry::target)
        .filter(d -> layoutName.equals(d.annotations().get(REF_NAME)))
        .findFirst().orElseThrow(() -> new ImageNotFoundException(describe()));
  }

  /** The repository the image was pulled from, if the store recorded it. */
  public Optional<Reference> origin() throws IOException {
    String origin = entry().annotations().get(ORIGIN);
    return origin == null ? Optional.empty() : Optional.of(Reference.parse(origin));
  }

  @Override
  public byte[] manifest(Descriptor descriptor) throws IOException {
    byte[] bytes = ImageGraph.readSmallBlob(store.blobs(), descriptor);
    Digest actual = Digest.of(descriptor.digest().algorithm(), bytes);
    if (!actual.equals(descriptor.digest())) {
      throw new TransferException(describe() + ": blob " + descriptor.digest() + " has digest " + actual);
    }
    return bytes;
  }

  @Override
  public boolean hasManifest(Descriptor descriptor) throws IOException {
    return store.blobs().has(descriptor.digest());
  }

  @Override
  public InputStream blob(Descriptor descriptor) throws IOException {
    return store.blobs().open(descriptor.digest());
  }

  @Override
  public BlobSource blobSource(Descriptor descriptor) {
    if (store instanceof OciLayoutStore layout) return BlobSource.of(layout.blobPath(descriptor.digest()));
    return ImageSource.super.blobSource(descriptor);
  }

  @Override
  public boolean hasBlob(Descriptor descriptor) throws IOException {
    return store.blobs().has(descriptor.digest());
  }

  @Override
  public void putBlob(Descriptor descriptor, ImageSource source) throws IOException {
    try (InputStream in = source.blob(descriptor)) {
      // A verifying download hashes every byte already; hashing them again cost a third of a pull.
      if (in instanceof SelfVerifying verifying && verifies(verifying, descriptor)) {
        store.blobs().writeVerified(in, descriptor.digest(), descriptor.size());
      } else {
        store.blobs().write(in, descriptor.digest(), descriptor.size());
      }
    }
  }

  private static boolean verifies(SelfVerifying stream, Descriptor descriptor) {
    return stream.digest().equals(descriptor.digest()) && stream.size() == descriptor.size();
  }

  @Override
  public void putManifest(Descriptor descriptor, byte[] bytes) throws IOException {
    store.blobs().write(new ByteArrayInputStream(bytes), descriptor.digest(), descriptor.size());
  }

  /** Names the root; an image from a registry remembers its repository, to mount from on push. */
  @Override
  public void finish(Descriptor root, ImageSource origin) throws IOException {
    Descriptor target = Descriptor.of(root.mediaType(), root.digest(), root.size());
    if (origin instanceof RegistryRepository registry) {
      target = target.withAnnotations(Map.of(ORIGIN, registry.registry() + "/" + registry.repository()));
    }
    if (reference != null) {
      store.refs().put(reference, target);
    } else if (layoutName != null && store instanceof OciLayoutStore layout) {
      layout.putName(layoutName, target);
    } else {
      store.refs().putUntagged(target);
    }
  }

  @Override
  public String describe() {
    if (reference != null) return reference.toString();
    String where = store instanceof OciLayoutStore layout ? layout.root().toString() : "store";
    return "oci:" + where + (layoutName == null ? "" : ":" + layoutName);
  }
}
