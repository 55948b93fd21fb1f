package dev.lade.buildkit.fs.layers;

import dev.lade.buildkit.fs.SharedContent;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerReader;
import dev.lade.oci.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * File contents of layers in a store, extracted on demand into a cache directory: one streaming
 * pass over a layer extracts every file asked for at once, and a file is extracted only once, for
 * every tree that shows it.
 */
final class LayerContents {
  private final BlobStore blobs;
  private final Path cache;
  private final Map<String, Path> extracted = new ConcurrentHashMap<>();
  private final Map<Digest, Object> locks = new ConcurrentHashMap<>();

  LayerContents(BlobStore blobs, Path cache) {
    this.blobs = blobs;
    this.cache = cache;
  }

  Content content(Digest layer, String path, long size) {
    return new Content(this, layer, path, size);
  }

  /** Extracts the contents not extracted yet, one pass per layer, layers in parallel. */
  void extract(List<Content> wanted) throws IOException {
    Map<Digest, Set<String>> byLayer = new HashMap<>();
    for (Content c : wanted) {
      if (!extracted.containsKey(c.key())) byLayer.computeIfAbsent(c.layer(), l -> new HashSet<>()).add(c.path());
    }
    try {
      byLayer.entrySet().parallelStream().forEach(e -> {
        try {
          extractLayer(e.getKey(), e.getValue());
        } catch (IOException io) {
          throw new UncheckedIOException(io);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void extractLayer(Digest layer, Set<String> paths) throws IOException {
    synchronized (locks.computeIfAbsent(layer, l -> new Object())) {
      Set<String> missing = new HashSet<>();
      for (String p : paths) if (!extracted.containsKey(key(layer, p))) missing.add(p);
      if (missing.isEmpty()) return;
      Path dir = Files.createDirectories(cache.resolve(layer.hex()));
      List<String> done = new ArrayList<>();
      try (LayerReader reader = LayerReader.entriesOnly(blobs.open(layer))) {
        for (LayerEntry e = reader.next(); e != null && done.size() < missing.size(); e = reader.next()) {
          if (!(e instanceof LayerEntry.File f) || !missing.contains(f.path())) continue;
          Path file = Files.createTempFile(dir, "f-", "");
          try (InputStream in = f.content().open()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
          }
          extracted.put(key(layer, f.path()), file);
          done.add(f.path());
        }
      }
      if (done.size() < missing.size()) throw new IOException(layer + ": files vanished from the layer");
    }
  }

  private static String key(Digest layer, String path) {
    return layer.hex() + ":" + path;
  }

  /** A file's content in one layer; hard links in that layer share it (and so its inode). */
  record Content(LayerContents owner, Digest layer, String path, long size) implements SharedContent {
    String key() {
      return LayerContents.key(layer, path);
    }

    @Override
    public Object inode() {
      return key();
    }

    @Override
    public InputStream open() throws IOException {
      Path file = owner.extracted.get(key());
      if (file == null) {
        owner.extract(List.of(this));
        file = owner.extracted.get(key());
      }
      return Files.newInputStream(file);
    }
  }
}
