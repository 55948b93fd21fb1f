package dev.lade.oci.archive;

import dev.lade.oci.store.Lease;
import dev.lade.oci.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads image archives into a store, as {@code docker load} does: Docker's legacy format ({@code
 * <id>/layer.tar}, {@code <id>.json}, {@code manifest.json}), Docker 25's OCI-based format, and OCI
 * layouts in a tar; plain or compressed with gzip or zstd.
 *
 * <p>The archive is read twice: first its index files, which are validated before anything is
 * stored, then its blobs, which stream into the store and are verified against the digests the
 * archive names them by. Layers keep their compression: an uncompressed legacy {@code layer.tar}
 * is stored as {@code application/vnd.oci.image.layer.v1.tar}, its digest checked against the
 * config's DiffID. A failure stores no reference; whole blobs already written are left for a prune.
 */
public final class ImageLoader {
  private ImageLoader() {}

  /**
   * Loads every image of {@code archive}.
   *
   * @throws InvalidArchiveException if the archive is malformed, incomplete or does not match its
   *     digests
   */
  public static List<LoadedImage> load(Store store, Path archive) throws IOException {
    ArchiveListing listing = ArchiveListing.read(archive);
    try (Lease lease = store.lease()) {
      if (listing.isOciLayout()) return OciArchiveLoader.load(store, archive, listing);
      Optional<byte[]> manifest = listing.indexFile(ArchiveListing.DOCKER_MANIFEST);
      if (manifest.isPresent()) return DockerArchiveLoader.load(store, archive, listing, manifest.get());
      throw new InvalidArchiveException(archive.toString(),
          "no manifest.json (Docker) or index.json and oci-layout (OCI) in the archive");
    }
  }
}
