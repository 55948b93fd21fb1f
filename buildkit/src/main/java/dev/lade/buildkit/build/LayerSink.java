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
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Writes a step's layer straight into the store: the layer writer's output is piped into the blob
 * store as it is produced, so the layer is compressed, hashed and stored in one pass and never
 * held whole in memory or on disk twice.
 */
final class LayerSink {
  private static final int PIPE_BUFFER = 1 << 20;

  private final BlobStore blobs;
  private final LayerWriter writer;

  LayerSink(BlobStore blobs, LayerOptions options) {
    this.blobs = blobs;
    this.writer = new LayerWriter(options);
  }

  ImageLayer write(Collection<? extends LayerEntry> entries) throws IOException {
    PipedInputStream in = new PipedInputStream(PIPE_BUFFER);
    PipedOutputStream out = new PipedOutputStream(in);
    FutureTask<Blob> store = new FutureTask<>(() -> {
      try (InputStream blob = in) {
        return blobs.write(blob, null, -1);
      }
    });
    Thread.ofVirtual().name("layer-store").start(store);
    WrittenLayer written;
    try (out) {
      written = writer.write(entries, out);
    } catch (IOException | RuntimeException e) {
      in.close(); // the store's write then fails instead of keeping a truncated blob
      store.cancel(true);
      throw e;
    }
    Blob blob = await(store);
    if (!blob.digest().equals(written.digest())) {
      throw new IOException("layer stored as " + blob.digest() + " but written as " + written.digest());
    }
    return new ImageLayer(Descriptor.of(written.mediaType(), written.digest(), written.size()), written.diffId());
  }

  private static Blob await(FutureTask<Blob> task) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while storing a layer");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      throw new IOException("storing a layer failed: " + e.getCause(), e.getCause());
    }
  }
}
