package dev.lade.oci.archive;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Compression;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.reference.InvalidReferenceException;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.Blob;
import dev.lade.oci.store.ImageGraph;
import dev.lade.oci.store.Store;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Loads {@code docker save}'s format: {@code manifest.json} naming config and layer files. */
final class DockerArchiveLoader {
  private DockerArchiveLoader() {}

  static List<LoadedImage> load(Store store, Path archive, ArchiveListing listing, byte[] manifestJson)
      throws IOException {
    String name = archive.toString();
    List<DockerManifestEntry> entries;
    try {
      entries = DockerManifestEntry.parse(manifestJson);
    } catch (IllegalArgumentException e) {
      throw new InvalidArchiveException(name, "manifest.json: " + e.getMessage(), e);
    }
    Set<String> wanted = new HashSet<>();
    for (DockerManifestEntry entry : entries) {
      wanted.add(listing.resolve(entry.config()));
      entry.layers().forEach(layer -> wanted.add(listing.resolve(layer)));
      entry.repoTags().forEach(tag -> parseTag(name, tag));
    }
    for (String file : wanted) {
      if (!listing.sizes().containsKey(file)) {
        throw new InvalidArchiveException(name, "manifest.json names " + file + ", which the archive lacks");
      }
    }
    Map<String, Blob> stored = BlobIngest.ingest(store, archive, wanted);
    List<Descriptor> manifests = new ArrayList<>();
    for (DockerManifestEntry entry : entries) {
      manifests.add(storeImage(store, name, entry, file -> stored.get(listing.resolve(file))));
    }
    List<LoadedImage> loaded = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Descriptor manifest = manifests.get(i);
      if (entries.get(i).repoTags().isEmpty()) {
        store.refs().putUntagged(manifest);
        loaded.add(new LoadedImage(Optional.empty(), manifest));
      }
      for (String tag : entries.get(i).repoTags()) {
        Reference ref = parseTag(name, tag);
        store.refs().put(ref, manifest);
        loaded.add(new LoadedImage(Optional.of(ref), manifest));
      }
    }
    return loaded;
  }

  private static Descriptor storeImage(
      Store store, String archive, DockerManifestEntry entry, Function<String, Blob> stored) throws IOException {
    Blob configBlob = stored.apply(entry.config());
    Descriptor config = Descriptor.of(MediaType.OCI_CONFIG, configBlob.digest(), configBlob.size());
    List<Digest> diffIds;
    try {
      diffIds = ImageConfig.parse(ImageGraph.readSmallBlob(store.blobs(), config)).rootfs().diffIds();
    } catch (IllegalArgumentException e) {
      throw new InvalidArchiveException(archive, entry.config() + ": " + e.getMessage(), e);
    }
    if (diffIds.size() != entry.layers().size()) {
      throw new InvalidArchiveException(archive, entry.config() + " lists " + diffIds.size()
          + " diff_ids but manifest.json lists " + entry.layers().size() + " layers");
    }
    List<Descriptor> layers = new ArrayList<>();
    for (int i = 0; i < diffIds.size(); i++) {
      String file = entry.layers().get(i);
      layers.add(verifiedLayer(store, archive, file, stored.apply(file), diffIds.get(i)));
    }
    return StoredImages.storeManifest(store, config, layers);
  }

  // The config's DiffIDs are the only digests a legacy layer.tar has, so they must match.
  private static Descriptor verifiedLayer(Store store, String archive, String file, Blob blob, Digest diffId)
      throws IOException {
    Compression compression;
    Digest actual;
    try (BufferedInputStream in = new BufferedInputStream(store.blobs().open(blob.digest()))) {
      compression = TarStreams.sniff(in);
      actual = compression == Compression.NONE ? blob.digest() : diffIdOf(in);
    }
    if (!actual.equals(diffId)) {
      throw new InvalidArchiveException(archive, "layer " + file + " has diff_id " + actual
          + " but the config says " + diffId);
    }
    return Descriptor.of(MediaType.layer(compression, false), blob.digest(), blob.size());
  }

  private static Digest diffIdOf(BufferedInputStream compressed) throws IOException {
    try (InputStream plain = TarStreams.decompressed(compressed)) {
      return Digest.sha256(plain);
    }
  }

  private static Reference parseTag(String archive, String tag) {
    try {
      return Reference.parse(tag).withDefaultTag();
    } catch (InvalidReferenceException e) {
      throw new InvalidArchiveException(archive, "manifest.json: RepoTags: " + e.getMessage(), e);
    }
  }
}
