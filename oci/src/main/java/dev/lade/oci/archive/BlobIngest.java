package dev.lade.oci.archive;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.digest.InvalidDigestException;
import dev.lade.oci.store.Blob;
import dev.lade.oci.store.BlobMismatchException;
import dev.lade.oci.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The second pass over an archive: its files streamed into the store as blobs, verified. */
final class BlobIngest {
  private BlobIngest() {}

  /**
   * Stores the files named {@code wanted}, each verified against the digest its name carries
   * ({@code blobs/sha256/<hex>} or {@code <hex>.json}) and the size its tar header gives.
   *
   * @return the stored blob of each wanted file
   * @throws InvalidArchiveException if a file is missing or does not match its name
   */
  static Map<String, Blob> ingest(Store store, Path archive, Set<String> wanted) throws IOException {
    Map<String, Blob> stored = new HashMap<>();
    try (TarArchiveInputStream tar = TarStreams.openTar(archive)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = TarStreams.clean(entry.getName());
        if (!entry.isFile() || !wanted.contains(name) || stored.containsKey(name)) continue;
        try {
          stored.put(name, store.blobs().write(tar, digestNamed(name), entry.getSize()));
        } catch (BlobMismatchException e) {
          throw new InvalidArchiveException(archive.toString(), name + ": " + e.getMessage(), e);
        }
      }
    }
    for (String name : wanted) {
      if (!stored.containsKey(name)) throw new InvalidArchiveException(archive.toString(), "missing " + name);
    }
    return stored;
  }

  /** The digest a file's name claims for its content, or null if the name is no digest. */
  static Digest digestNamed(String name) {
    String[] parts = name.split("/");
    try {
      if (parts.length == 3 && parts[0].equals("blobs")) return Digest.parse(parts[1] + ":" + parts[2]);
      if (parts.length == 1 && name.endsWith(".json") && name.length() == 64 + 5) {
        return Digest.parse("sha256:" + name.substring(0, 64));
      }
    } catch (InvalidDigestException e) {
      return null;
    }
    return null;
  }
}
