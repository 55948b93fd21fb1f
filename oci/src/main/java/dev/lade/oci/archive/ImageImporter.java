package dev.lade.oci.archive;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.History;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.image.RootFs;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.Blob;
import dev.lade.oci.store.Lease;
import dev.lade.oci.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Makes a one-layer image from a root filesystem tarball, as {@code docker import} does. The layer
 * is stored uncompressed ({@code application/vnd.oci.image.layer.v1.tar}, so its digest is its
 * DiffID); a gzip or zstd tarball is decompressed first.
 */
public final class ImageImporter {
  private ImageImporter() {}

  /**
   * Imports {@code tarball} as {@code reference} for {@code platform}, created {@code now}.
   *
   * @return the manifest's descriptor
   * @throws InvalidArchiveException if {@code tarball} is not a (possibly compressed) tar
   */
  public static Descriptor importTarball(
      Store store, Path tarball, Reference reference, Platform platform, Instant now) throws IOException {
    checkIsTar(tarball);
    try (Lease lease = store.lease()) {
      Blob layer;
      try (InputStream in = TarStreams.decompressed(Files.newInputStream(tarball))) {
        layer = store.blobs().write(in, null, -1);
      }
      ImageConfig config = ImageConfig.builder(platform)
          .created(now)
          .rootfs(RootFs.layers(List.of(layer.digest())))
          .history(List.of(History.of(now, "", "Imported from " + tarball.getFileName(), false)))
          .build();
      Descriptor manifest = StoredImages.storeManifest(store, StoredImages.storeConfig(store, config),
          List.of(Descriptor.of(MediaType.OCI_LAYER, layer.digest(), layer.size())));
      store.refs().put(reference, manifest);
      return manifest;
    }
  }

  // Reading the whole tar once first means a wrong file leaves nothing behind in the store.
  private static void checkIsTar(Path tarball) throws IOException {
    try (TarArchiveInputStream tar = TarStreams.openTar(tarball)) {
      int entries = 0;
      while (tar.getNextEntry() != null) entries++;
      if (entries == 0) throw new InvalidArchiveException(tarball.toString(), "not a tar archive or empty");
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof InvalidArchiveException) throw e;
      throw new InvalidArchiveException(tarball.toString(), "not a tar archive: " + e.getMessage(), e);
    }
  }
}
