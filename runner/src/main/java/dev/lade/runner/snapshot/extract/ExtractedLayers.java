package dev.lade.runner.snapshot.extract;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.store.AtomicFiles;
import dev.lade.oci.store.BlobStore;
import dev.lade.oci.store.Lease;
import dev.lade.oci.store.LockFile;
import dev.lade.runner.snapshot.fs.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Layers unpacked once each, as containerd's overlayfs snapshotter keeps them:
 *
 * <pre>
 * ROOT/&lt;chain id hex&gt;/fs     the layer's files, overlay whiteouts included
 * ROOT/tmp/&lt;hex&gt;-&lt;random&gt;   an extraction in progress, renamed into place when complete
 * ROOT/locks/&lt;hex&gt;.lock     held while a process extracts that layer
 * </pre>
 *
 * A directory under ROOT named by a chain ID is complete: extraction happens in {@code tmp} and
 * ends with one rename, after the diff ID is verified. Leftovers of crashed extractions are
 * removed by {@link #cleanupStale()}.
 */
public final class ExtractedLayers {
  private final Path root;
  private final BlobStore blobs;
  private final LayerExtractor extractor;

  public ExtractedLayers(Path root, BlobStore blobs, LayerExtractor extractor) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.blobs = blobs;
    this.extractor = extractor;
    Files.createDirectories(this.root.resolve("tmp"));
    Files.createDirectories(this.root.resolve("locks"));
  }

  public LayerExtractor extractor() {
    return extractor;
  }

  /** Where the layer at the top of chain {@code chainId} is (or would be) unpacked. */
  public Path directory(Digest chainId) {
    return root.resolve(chainId.hex()).resolve("fs");
  }

  /**
   * The directories of {@code chain}'s layers, bottom first, unpacking those not yet present.
   * Safe to call from several threads and processes at once: each layer is unpacked by one.
   */
  public List<Path> ensure(List<SnapshotLayer> chain) throws IOException {
    List<Digest> chainIds = ChainId.of(chain.stream().map(SnapshotLayer::diffId).toList());
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) dirs.add(ensure(chainIds.get(i), chain.get(i)));
    return dirs;
  }

  private Path ensure(Digest chainId, SnapshotLayer layer) throws IOException {
    Path dir = directory(chainId);
    if (Files.isDirectory(dir)) return dir;
    try (Lease lock = lockFor(chainId).exclusive()) {
      if (Files.isDirectory(dir)) return dir; // another process finished it while we waited
      removeLeftovers(chainId);
      Path staging = root.resolve("tmp").resolve(chainId.hex() + "-" + UUID.randomUUID());
      try {
        Files.createDirectories(staging.resolve("fs"));
        Digest diffId;
        try (InputStream blob = blobs.open(layer.blob())) {
          diffId = extractor.extract(blob, staging.resolve("fs"), layer.blob().toString());
        }
        if (!diffId.equals(layer.diffId())) {
          throw new IOException("layer " + layer.blob() + ": its diff ID is " + diffId
              + ", but the image says " + layer.diffId());
        }
        AtomicFiles.commit(staging, dir.getParent());
      } finally {
        Trees.deleteTree(staging);
      }
      return dir;
    }
  }

  /**
   * Takes {@code unpacked} (moved, on the same file system) as the unpacked form of {@code chain}'s
   * top layer, unless that layer is unpacked already: a RUN step's upper directory is the layer its
   * changes were written as, so the next step need not unpack that layer again. The caller vouches
   * that {@code unpacked} holds what extracting the layer would (in this extractor's format).
   *
   * @return whether {@code unpacked} was taken; when not, it is left where it was
   */
  public boolean adopt(List<SnapshotLayer> chain, Path unpacked) throws IOException {
    if (chain.isEmpty()) throw new IllegalArgumentException("adopt needs the layer's chain");
    Digest chainId = ChainId.of(chain.stream().map(SnapshotLayer::diffId).toList()).getLast();
    Path dir = directory(chainId);
    if (Files.isDirectory(dir)) return false;
    try (Lease lock = lockFor(chainId).exclusive()) {
      if (Files.isDirectory(dir)) return false;
      removeLeftovers(chainId);
      Path staging = root.resolve("tmp").resolve(chainId.hex() + "-" + UUID.randomUUID());
      try {
        Files.createDirectory(staging);
        Files.move(unpacked, staging.resolve("fs"));
        AtomicFiles.commit(staging, dir.getParent());
      } finally {
        Trees.deleteTree(staging);
      }
      return true;
    }
  }

  /**
   * Removes unfinished extractions left by processes that died (their locks are free).
   *
   * @return how many were removed
   */
  public int cleanupStale() throws IOException {
    int removed = 0;
    try (Stream<Path> entries = Files.list(root.resolve("tmp"))) {
      for (Path staging : entries.toList()) {
        String name = staging.getFileName().toString();
        int dash = name.indexOf('-');
        if (dash < 0) continue;
        Optional<Lease> lock = tryLock(name.substring(0, dash));
        if (lock.isEmpty()) continue;
        try (Lease held = lock.get()) {
          Trees.deleteTree(staging);
          removed++;
        }
      }
    }
    return removed;
  }

  private void removeLeftovers(Digest chainId) throws IOException {
    try (Stream<Path> entries = Files.list(root.resolve("tmp"))) {
      for (Path staging : entries.toList()) {
        if (staging.getFileName().toString().startsWith(chainId.hex() + "-")) Trees.deleteTree(staging);
      }
    }
  }

  private LockFile lockFor(Digest chainId) {
    return LockFile.of(root.resolve("locks").resolve(chainId.hex() + ".lock"));
  }

  private Optional<Lease> tryLock(String hex) throws IOException {
    try {
      return LockFile.of(root.resolve("locks").resolve(hex + ".lock")).tryExclusive();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return Optional.empty(); // this JVM's own extraction of the layer, in this thread
    }
  }
}
