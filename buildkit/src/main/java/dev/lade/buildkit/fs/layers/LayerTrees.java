package dev.lade.buildkit.fs.layers;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerReader;
import dev.lade.oci.store.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens {@link LayerStackTree}s over the layers of one store. A build opens a tree for every step
 * (each sees the layers below it): the headers of each layer are read once, and each file's
 * content extracted once, however many trees show them.
 */
public final class LayerTrees {
  private final BlobStore blobs;
  private final LayerContents contents;
  private final Map<Digest, List<LayerEntry>> indexes = new ConcurrentHashMap<>();

  /**
   * @param cache a directory extracted contents are written to; it must outlive the layer writes
   *     that read them
   */
  public LayerTrees(BlobStore blobs, Path cache) {
    this.blobs = blobs;
    this.contents = new LayerContents(blobs, cache);
  }

  /** The root filesystem of {@code layers}, bottom first. */
  public LayerStackTree open(List<Digest> layers) throws IOException {
    List<List<LayerEntry>> read = new ArrayList<>(layers.size());
    for (Digest layer : layers) read.add(index(layer));
    return LayerStackTree.merge(read);
  }

  private List<LayerEntry> index(Digest layer) throws IOException {
    List<LayerEntry> known = indexes.get(layer);
    if (known != null) return known;
    List<LayerEntry> read = readLayer(layer);
    indexes.putIfAbsent(layer, read);
    return read;
  }

  /** One layer's entries in tar order, hard links turned into files sharing their target's content. */
  private List<LayerEntry> readLayer(Digest layer) throws IOException {
    List<LayerEntry> out = new ArrayList<>();
    Map<String, LayerEntry.File> files = new HashMap<>();
    try (LayerReader reader = LayerReader.entriesOnly(blobs.open(layer))) {
      for (LayerEntry e = reader.next(); e != null; e = reader.next()) {
        if (e.path().isEmpty()) continue;
        switch (e) {
          case LayerEntry.File f -> {
            LayerEntry.File indexed = new LayerEntry.File(f.path(), f.metadata(), f.size(),
                contents.content(layer, f.path(), f.size()));
            files.put(f.path(), indexed);
            out.add(indexed);
          }
          case LayerEntry.Hardlink h -> {
            LayerEntry.File target = files.get(h.target());
            if (target == null) throw new IOException(layer + ": hard link " + h.path() + " to missing " + h.target());
            out.add(new LayerEntry.File(h.path(), target.metadata(), target.size(), target.content()));
          }
          default -> out.add(e);
        }
      }
    }
    return List.copyOf(out);
  }
}
