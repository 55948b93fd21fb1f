package dev.lade.buildkit.cache;

import dev.lade.buildkit.config.ImageLayer;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.json.GoTime;
import dev.lade.oci.store.GcRoots;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.PruneReport;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A build cache kept in an image store: one small file per entry under {@code
 * .lade/build-cache/}, named by the key and holding the layer's descriptor (its DiffID as an
 * annotation); the layer blobs live in the store like any other. Entries survive across builds
 * and {@link #prune}s (their layers are garbage-collection roots); {@link #pruneWithCache} also
 * drops those whose layers no image holds, as {@code docker builder prune} frees the build cache.
 */
public final class StoreBuildCache implements BuildCache {
  /** The descriptor annotation holding the layer's DiffID. */
  static final String DIFF_ID = "dev.lade.build.diff-id";
  /** The descriptor annotation holding when the step first made the layer (RFC 3339). */
  static final String CREATED = "dev.lade.build.created";

  private final OciLayoutStore store;
  private final Path directory;

  private StoreBuildCache(OciLayoutStore store, Path directory) {
    this.store = store;
    this.directory = directory;
  }

  /** The cache of {@code store}. */
  public static StoreBuildCache of(OciLayoutStore store) {
    return new StoreBuildCache(store, store.root().resolve(".lade").resolve("build-cache"));
  }

  @Override
  public Optional<CachedLayer> get(CacheKey key) throws IOException {
    Optional<CachedLayer> layer = read(entry(key));
    if (layer.isPresent() && !store.blobs().has(layer.get().layer().blob().digest())) return Optional.empty();
    return layer;
  }

  @Override
  public void put(CacheKey key, CachedLayer cached) throws IOException {
    Files.createDirectories(directory);
    ImageLayer layer = cached.layer();
    Descriptor d = layer.blob().withAnnotations(
        Map.of(DIFF_ID, layer.diffId().toString(), CREATED, GoTime.format(cached.created())));
    Path tmp = Files.createTempFile(directory, ".entry", ".tmp");
    try {
      Files.write(tmp, d.toJson());
      try {
        Files.move(tmp, entry(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, entry(key), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Prunes the store as {@code lade prune} does: deletes the content that neither an image
   * reference nor a cache entry needs, so every rebuild that was cached stays cached; entries whose
   * layer is gone anyway (a damaged store) are dropped.
   */
  public PruneReport prune() throws IOException {
    Map<Path, Optional<CachedLayer>> entries = new LinkedHashMap<>();
    PruneReport report = store.prune(() -> {
      entries.putAll(readEntries());
      return layers(entries.values());
    });
    dropEntriesWithoutLayers(entries); // as read for the roots: what they kept is still there
    return report;
  }

  /**
   * Prunes as {@code lade prune --cache} does: deletes the content no image reference needs, then
   * the entries whose layers that deleted. Entries for layers a named image holds stay, so a
   * rebuild of that image is still cached.
   */
  public PruneReport pruneWithCache() throws IOException {
    PruneReport report = store.prune(GcRoots.NONE);
    dropEntriesWithoutLayers(readEntries());
    return report;
  }

  /** Every entry's file with what it holds (empty: damaged). */
  private Map<Path, Optional<CachedLayer>> readEntries() throws IOException {
    Map<Path, Optional<CachedLayer>> entries = new LinkedHashMap<>();
    for (Path entry : entryFiles()) entries.put(entry, read(entry));
    return entries;
  }

  /** The layers of {@code entries}, as roots the store's garbage collection keeps. */
  private static List<Descriptor> layers(Collection<Optional<CachedLayer>> entries) {
    List<Descriptor> layers = new ArrayList<>();
    for (Optional<CachedLayer> cached : entries) cached.ifPresent(c -> layers.add(c.layer().blob()));
    return layers;
  }

  private void dropEntriesWithoutLayers(Map<Path, Optional<CachedLayer>> entries) throws IOException {
    for (Map.Entry<Path, Optional<CachedLayer>> entry : entries.entrySet()) {
      Optional<CachedLayer> cached = entry.getValue();
      if (cached.isEmpty() || !store.blobs().has(cached.get().layer().blob().digest())) {
        Files.deleteIfExists(entry.getKey());
      }
    }
  }

  /** The entries' files; names starting with a dot are entries being written. */
  private List<Path> entryFiles() throws IOException {
    if (!Files.isDirectory(directory)) return List.of();
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }
  }

  private Path entry(CacheKey key) {
    return directory.resolve(key.digest().hex());
  }

  private static Optional<CachedLayer> read(Path entry) throws IOException {
    try {
      Descriptor d = Descriptor.parse(Files.readAllBytes(entry));
      String diffId = d.annotations().get(DIFF_ID);
      if (diffId == null) return Optional.empty();
      Descriptor blob = Descriptor.of(d.mediaType(), d.digest(), d.size());
      // Entries of earlier lade versions have no time: the entry file's is when it was written.
      String created = d.annotations().get(CREATED);
      Instant time = created != null ? GoTime.parse(created) : Files.getLastModifiedTime(entry).toInstant();
      return Optional.of(new CachedLayer(new ImageLayer(blob, Digest.parse(diffId)), time));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return Optional.empty(); // a damaged entry is a miss
    }
  }
}
