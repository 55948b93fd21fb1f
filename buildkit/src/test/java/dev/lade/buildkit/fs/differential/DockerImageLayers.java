package dev.lade.buildkit.fs.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.store.BlobStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image from {@code docker save}: its layers stored as blobs, and the history entries that
 * made a layer, in order.
 *
 * @param layers the layer blobs, bottom first
 * @param createdBy for each layer, the history's {@code created_by}
 * @param history every history entry as {@code CREATED_BY} or {@code CREATED_BY (empty layer)}
 */
record DockerImageLayers(List<Digest> layers, List<String> createdBy, List<String> history) {

  static DockerImageLayers read(Path saved, BlobStore blobs) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Digest> stored = new HashMap<>();
    Map<String, byte[]> small = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(saved))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.getName().endsWith("layer.tar")) {
          stored.put(e.getName(), blobs.write(new KeepOpen(tar), null, e.getSize()).digest());
        } else if (e.getName().endsWith(".json")) {
          small.put(e.getName(), tar.readAllBytes());
        }
      }
    }
    JsonNode manifest = json.readTree(small.get("manifest.json")).get(0);
    List<Digest> layers = new ArrayList<>();
    manifest.get("Layers").forEach(l -> layers.add(stored.get(l.asText())));
    JsonNode config = json.readTree(small.get(manifest.get("Config").asText()));
    List<String> createdBy = new ArrayList<>();
    List<String> history = new ArrayList<>();
    for (JsonNode h : config.get("history")) {
      boolean empty = h.path("empty_layer").asBoolean(false);
      if (!empty) createdBy.add(h.path("created_by").asText());
      history.add(h.path("created_by").asText() + (empty ? " (empty layer)" : ""));
    }
    if (createdBy.size() != layers.size()) {
      throw new IOException("history has " + createdBy.size() + " layers, the manifest " + layers.size());
    }
    return new DockerImageLayers(layers, createdBy, history);
  }

  private static final class KeepOpen extends FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
