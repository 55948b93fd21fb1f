package dev.lade.oci.archive;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.Index;
import dev.lade.oci.reference.InvalidReferenceException;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.ImageGraph;
import dev.lade.oci.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Loads an OCI layout in a tar; names come from containerd's or OCI's ref-name annotation. */
final class OciArchiveLoader {
  static final String CONTAINERD_NAME = "io.containerd.image.name";
  static final String OCI_REF_NAME = "org.opencontainers.image.ref.name";

  private OciArchiveLoader() {}

  static List<LoadedImage> load(Store store, Path archive, ArchiveListing listing) throws IOException {
    Index index;
    try {
      index = Index.parse(listing.indexFile(ArchiveListing.OCI_INDEX).orElseThrow());
    } catch (IllegalArgumentException e) {
      throw new InvalidArchiveException(archive.toString(), "index.json: " + e.getMessage(), e);
    }
    Set<String> blobs = listing.sizes().keySet().stream()
        .filter(name -> BlobIngest.digestNamed(name) != null && name.startsWith("blobs/"))
        .collect(Collectors.toSet());
    BlobIngest.ingest(store, archive, blobs);
    ImageGraph.Reachable reachable = ImageGraph.walk(store.blobs(), index.manifests());
    if (!reachable.missing().isEmpty()) {
      throw new InvalidArchiveException(archive.toString(),
          "missing blob " + reachable.missing().keySet().iterator().next());
    }
    if (!reachable.unreadable().isEmpty()) {
      throw new InvalidArchiveException(archive.toString(), reachable.unreadable().values().iterator().next());
    }
    List<LoadedImage> loaded = new ArrayList<>();
    for (Descriptor d : index.manifests()) {
      Descriptor target = Descriptor.of(d.mediaType(), d.digest(), d.size()).withPlatform(d.platform());
      Optional<Reference> name = nameOf(d);
      if (name.isPresent()) store.refs().put(name.get(), target);
      else store.refs().putUntagged(target);
      loaded.add(new LoadedImage(name, target));
    }
    return loaded;
  }

  // OCI's annotation may hold a bare tag ("latest"), which names nothing on its own.
  private static Optional<Reference> nameOf(Descriptor d) {
    for (String key : List.of(CONTAINERD_NAME, OCI_REF_NAME)) {
      String value = d.annotations().get(key);
      if (value == null || !value.contains("/") && !value.contains(":")) continue;
      try {
        Reference ref = Reference.parse(value);
        if (!ref.tag().isEmpty() || ref.digest() != null) return Optional.of(ref);
      } catch (InvalidReferenceException e) {
        // not a full reference; try the next annotation
      }
    }
    return Optional.empty();
  }
}
