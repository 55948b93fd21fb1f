package dev.lade.oci.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The first pass over an image archive: the names and sizes of its files, and the contents of the
 * few small index files ({@code manifest.json}, {@code index.json}, {@code oci-layout}).
 *
 * @param sizes every regular file's size, by cleaned name
 * @param indexFiles the contents of the index files present
 * @param links symbolic links (as {@code docker save} writes for shared layers), name to target
 */
record ArchiveListing(Map<String, Long> sizes, Map<String, byte[]> indexFiles, Map<String, String> links) {
  static final String DOCKER_MANIFEST = "manifest.json";
  static final String OCI_INDEX = "index.json";
  static final String OCI_LAYOUT = "oci-layout";
  private static final Set<String> INDEX_FILES = Set.of(DOCKER_MANIFEST, OCI_INDEX, OCI_LAYOUT);
  private static final int MAX_INDEX_FILE = 16 * 1024 * 1024;

  static ArchiveListing read(Path archive) {
    Map<String, Long> sizes = new HashMap<>();
    Map<String, byte[]> indexFiles = new HashMap<>();
    Map<String, String> links = new HashMap<>();
    try (TarArchiveInputStream tar = TarStreams.openTar(archive)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.isSymbolicLink()) {
          String name = TarStreams.clean(entry.getName());
          links.put(name, Path.of(name).resolveSibling(entry.getLinkName()).normalize().toString());
        }
        if (!entry.isFile()) continue;
        String name = TarStreams.clean(entry.getName());
        sizes.put(name, entry.getSize());
        if (INDEX_FILES.contains(name)) {
          if (entry.getSize() > MAX_INDEX_FILE) {
            throw new InvalidArchiveException(archive.toString(), name + " is too large");
          }
          indexFiles.put(name, tar.readAllBytes());
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      if (e instanceof InvalidArchiveException i) throw i;
      throw new InvalidArchiveException(archive.toString(), "not a readable tar: " + e.getMessage(), e);
    }
    if (sizes.isEmpty()) throw new InvalidArchiveException(archive.toString(), "empty or not a tar archive");
    return new ArchiveListing(sizes, indexFiles, links);
  }

  /** The regular file {@code name} is or links to (following at most a few links). */
  String resolve(String name) {
    String current = name;
    for (int hops = 0; hops < 8 && links.containsKey(current); hops++) current = links.get(current);
    return current;
  }

  Optional<byte[]> indexFile(String name) {
    return Optional.ofNullable(indexFiles.get(name));
  }

  /** An OCI layout (as {@code docker save} writes since Docker 25, or {@code lade save --format oci}). */
  boolean isOciLayout() {
    return indexFiles.containsKey(OCI_INDEX) && indexFiles.containsKey(OCI_LAYOUT);
  }
}
