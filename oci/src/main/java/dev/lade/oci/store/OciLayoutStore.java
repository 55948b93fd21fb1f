package dev.lade.oci.store;

import dev.lade.oci.image.Descriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link Store} in an OCI image layout directory:
 *
 * <pre>
 * oci-layout            {"imageLayoutVersion": "1.0.0"}
 * index.json            one entry per reference (org.opencontainers.image.ref.name)
 * blobs/sha256/&lt;hex&gt;    content
 * .lade/tmp/            blobs and files being written, renamed into place when complete
 * .lade/gc.lock         shared by writers (leases), exclusive for prune
 * .lade/index.lock      exclusive around index.json updates
 * </pre>
 *
 * Temp files left by a crash are removed when the store is next opened with no writer active.
 */
public final class OciLayoutStore implements Store {
  static final String LAYOUT_FILE = "oci-layout";
  static final String LAYOUT_CONTENT = "{\"imageLayoutVersion\":\"1.0.0\"}";

  private final Path root;
  private final Path tmpDir;
  private final LockFile gcLock;
  private final LayoutBlobStore blobs;
  private final LayoutRefIndex refs;

  private OciLayoutStore(Path root) {
    this.root = root;
    Path private_ = root.resolve(".lade");
    this.tmpDir = private_.resolve("tmp");
    this.gcLock = LockFile.of(private_.resolve("gc.lock"));
    this.blobs = new LayoutBlobStore(root.resolve("blobs"), tmpDir, gcLock);
    this.refs = new LayoutRefIndex(
        root.resolve("index.json"), tmpDir, LockFile.of(private_.resolve("index.lock")), blobs);
  }

  /**
   * Opens the layout at {@code root}, creating it if needed, and removes leftovers of crashed
   * writes when no other writer is active.
   *
   * @throws CorruptStoreException if {@code root} holds something other than an OCI layout
   */
  public static OciLayoutStore open(Path root) throws IOException {
    OciLayoutStore store = new OciLayoutStore(root.toAbsolutePath().normalize());
    store.initialize();
    return store;
  }

  private void initialize() throws IOException {
    Files.createDirectories(tmpDir);
    Files.createDirectories(root.resolve("blobs").resolve("sha256"));
    Path layout = root.resolve(LAYOUT_FILE);
    if (!Files.exists(layout)) {
      AtomicFiles.write(tmpDir, layout, LAYOUT_CONTENT.getBytes(StandardCharsets.UTF_8));
    } else if (!Files.readString(layout).contains("\"imageLayoutVersion\"")) {
      throw new CorruptStoreException(layout, "not an OCI layout header");
    }
    refs.createIfMissing();
    Optional<Lease> alone = gcLock.tryExclusive();
    if (alone.isPresent()) {
      try (Lease lease = alone.get()) {
        cleanTemp();
      }
    }
  }

  private void cleanTemp() throws IOException {
    try (Stream<Path> files = Files.list(tmpDir)) {
      for (Path file : files.toList()) Files.deleteIfExists(file);
    }
  }

  /** The layout directory. */
  public Path root() {
    return root;
  }

  /** Where the blob would be stored, whether or not it is. */
  public Path blobPath(dev.lade.oci.digest.Digest digest) {
    return blobs.path(digest);
  }

  /** The directory for staging files on the store's file system; callers delete what they make. */
  public Path tempDirectory() {
    return tmpDir;
  }

  /**
   * Points the {@code index.json} entry named {@code name} at {@code target}: the name goes into
   * the {@code org.opencontainers.image.ref.name} annotation as given, such as the bare tag that
   * skopeo's {@code oci:DIR:TAG} writes and reads.
   *
   * @throws BlobNotFoundException if the target blob is not in the store
   */
  public void putName(String name, Descriptor target) throws IOException {
    refs.putName(name, target);
  }

  @Override
  public BlobStore blobs() {
    return blobs;
  }

  @Override
  public RefIndex refs() {
    return refs;
  }

  @Override
  public Lease lease() throws IOException {
    return gcLock.shared();
  }

  @Override
  public PruneReport prune(GcRoots extraRoots) throws IOException {
    try (Lease gc = gcLock.exclusive()) {
      // Holding the index lock keeps references from appearing while we decide what is garbage.
      return refs.whileLocked(index -> {
        List<Descriptor> roots = new ArrayList<>(index.manifests());
        roots.addAll(extraRoots.roots());
        PruneReport report = GarbageCollector.collect(blobs, roots);
        cleanTemp();
        return report;
      });
    }
  }
}
