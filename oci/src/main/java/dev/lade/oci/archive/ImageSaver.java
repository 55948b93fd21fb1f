package dev.lade.oci.archive;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.Index;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.BlobNotFoundException;
import dev.lade.oci.store.ImageGraph;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.LayoutIndexJson;
import dev.lade.oci.store.ResolvedImage;
import dev.lade.oci.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes images from a store as a tar, streaming each blob from the store. The Docker format has
 * one image per reference, for the host's platform, and carries an OCI layout too (as Docker 25
 * does); the OCI format keeps whole indexes. Layers are written as stored (possibly compressed,
 * which {@code docker load} accepts).
 */
public final class ImageSaver {
  private static final byte[] OCI_LAYOUT = "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);

  private ImageSaver() {}

  /**
   * Writes the images {@code references} name to {@code out} (not closed).
   *
   * @throws dev.lade.oci.store.ImageNotFoundException if a reference is not in the store
   * @throws BlobNotFoundException if content an image needs is missing
   */
  public static void save(Store store, List<String> references, ArchiveFormat format, OutputStream out)
      throws IOException {
    ImageResolver resolver = ImageResolver.forHost(store);
    List<SavedImage> images = new ArrayList<>();
    for (String reference : references) {
      images.add(new SavedImage(Optional.of(Reference.parse(reference).withDefaultTag()), resolver.target(reference)));
    }
    saveImages(store, images, format, out);
  }

  /**
   * An image to save.
   *
   * @param name the reference it is saved under; empty to save it untagged (Docker's format then
   *     lists no {@code RepoTags}, an OCI index entry has no name)
   * @param target its manifest, or an index holding it (Docker's format takes the host's platform)
   */
  public record SavedImage(Optional<Reference> name, Descriptor target) {}

  /**
   * Writes images given by their store descriptors to {@code out} (not closed).
   *
   * @throws BlobNotFoundException if content an image needs is missing
   */
  public static void saveImages(Store store, List<SavedImage> images, ArchiveFormat format, OutputStream out)
      throws IOException {
    TarWriter tar = new TarWriter(out);
    switch (format) {
      case DOCKER -> saveDocker(store, ImageResolver.forHost(store), images, tar);
      case OCI -> saveOci(store, images, tar);
    }
    tar.close();
  }

  private static void saveDocker(Store store, ImageResolver resolver, List<SavedImage> saved, TarWriter tar)
      throws IOException {
    List<DockerManifestEntry> entries = new ArrayList<>();
    List<Descriptor> indexEntries = new ArrayList<>();
    for (SavedImage s : saved) {
      ResolvedImage image = resolver.resolve(s.name(), s.target());
      List<Descriptor> content = new ArrayList<>();
      content.add(image.manifest().value().config());
      content.addAll(image.manifest().value().layers());
      content.add(image.manifestDescriptor());
      writeBlobs(store, content, tar);
      entries.add(new DockerManifestEntry(
          blobPath(image.manifest().value().config()),
          image.reference().map(r -> List.of(r.familiar())).orElse(List.of()),
          image.manifest().value().layers().stream().map(ImageSaver::blobPath).toList()));
      indexEntries.add(named(image.manifestDescriptor(), image.reference()));
    }
    tar.add(ArchiveListing.DOCKER_MANIFEST, DockerManifestEntry.write(entries));
    writeLayoutFiles(indexEntries, tar);
  }

  private static void saveOci(Store store, List<SavedImage> images, TarWriter tar) throws IOException {
    List<Descriptor> indexEntries = new ArrayList<>();
    for (SavedImage image : images) {
      Descriptor target = image.target();
      ImageGraph.Reachable reachable = ImageGraph.walk(store.blobs(), List.of(target));
      if (!reachable.missing().isEmpty()) throw new BlobNotFoundException(reachable.missing().keySet().iterator().next());
      writeBlobs(store, reachable.present().values(), tar);
      indexEntries.add(named(target, image.name()));
    }
    writeLayoutFiles(indexEntries, tar);
  }

  private static void writeBlobs(Store store, Collection<Descriptor> blobs, TarWriter tar) throws IOException {
    for (Descriptor d : blobs) {
      String path = blobPath(d);
      if (tar.has(path)) continue;
      try (InputStream in = store.blobs().open(d.digest())) {
        tar.add(path, in, store.blobs().size(d.digest()));
      }
    }
  }

  private static void writeLayoutFiles(List<Descriptor> indexEntries, TarWriter tar) throws IOException {
    tar.add(ArchiveListing.OCI_LAYOUT, OCI_LAYOUT);
    tar.add(ArchiveListing.OCI_INDEX, LayoutIndexJson.write(Index.of(MediaType.OCI_INDEX, indexEntries)));
  }

  // Docker 25 writes the full name for containerd and the tag alone, as the OCI spec intends.
  private static Descriptor named(Descriptor target, Optional<Reference> name) {
    Descriptor plain = Descriptor.of(target.mediaType(), target.digest(), target.size()).withPlatform(target.platform());
    if (name.isEmpty()) return plain;
    Reference reference = name.get();
    return plain.withAnnotations(Map.of(
        OciArchiveLoader.CONTAINERD_NAME, reference.toString(),
        OciArchiveLoader.OCI_REF_NAME, reference.tag().isEmpty() ? reference.toString() : reference.tag()));
  }

  private static String blobPath(Descriptor d) {
    return "blobs/" + d.digest().algorithm().id() + "/" + d.digest().hex();
  }
}
