package dev.lade.buildkit.build;

import dev.lade.buildkit.config.ImageLayer;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerOptions;
import dev.lade.oci.layer.LayerWriter;
import dev.lade.oci.layer.WrittenLayer;
import dev.lade.oci.store.Blob;
import dev.lade.oci.store.BlobStore;
import java.io.IOException;
import java.util.Collection;

/**
 * Writes a step's layer straight into the store: the layer writer streams into the store's staged
 * blob, so the layer is compressed, hashed (once: the store takes the writer's digest) and stored
 * in one pass and never held whole in memory or on disk twice.
 */
final class LayerSink {
  private final BlobStore blobs;
  private final LayerWriter writer;
  private final String format;

  LayerSink(BlobStore blobs, LayerOptions options) {
    this.blobs = blobs;
    this.writer = new LayerWriter(options);
    this.format = options.compression() + " level " + options.level()
        + (options.gzipThreads() > 0 ? " parallel blocks of " + options.gzipBlockSize() : "")
        + " times clamped to " + options.sourceDateEpoch().map(Object::toString).orElse("nothing")
        + (options.dockerMediaType() ? " docker media type" : "");
  }

  /**
   * What the layers' bytes depend on besides their entries (compression, clamped times), a part
   * of every layer step's cache entry: a layer cached by a build with other settings is not reused
   * (the thread count is not in it: parallel gzip's bytes do not depend on it).
   */
  String format() {
    return format;
  }

  ImageLayer write(Collection<? extends LayerEntry> entries) throws IOException {
    WrittenLayer[] written = new WrittenLayer[1];
    blobs.write(out -> {
      written[0] = writer.write(entries, out);
      return new Blob(written[0].digest(), written[0].size());
    });
    WrittenLayer layer = written[0];
    return new ImageLayer(Descriptor.of(layer.mediaType(), layer.digest(), layer.size()), layer.diffId());
  }
}
