package dev.lade.oci.layer;

import com.github.luben.zstd.ZstdOutputStream;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.digest.DigestingOutputStream;
import dev.lade.oci.image.Compression;
import dev.lade.oci.image.MediaType;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Writes layer blobs deterministically: entries in containerd's order with its headers, compressed,
 * hashed in the same pass (the tar for the diff ID, the blob for the digest) and streamed to the
 * destination; nothing is held in memory but one block of each file at a time.
 *
 * <p>Permission bits are written as given: callers that read a filesystem decide whether the
 * builder's umask should show (BuildKit does not mask), and times are truncated to whole seconds.
 */
public final class LayerWriter {
  private final LayerOptions options;

  public LayerWriter(LayerOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** A writer with {@link LayerOptions#defaults()}. */
  public static LayerWriter defaults() {
    return new LayerWriter(LayerOptions.defaults());
  }

  /**
   * Writes {@code entries} (in any order; they are sorted) as a layer blob to {@code destination},
   * which is flushed but not closed.
   *
   * @throws InvalidLayerEntryException if an entry cannot be written (duplicate path, a hard link
   *     to a later or missing path, content of the wrong length)
   */
  public WrittenLayer write(Collection<? extends LayerEntry> entries, OutputStream destination)
      throws IOException {
    var sorted = LayerOrder.sort(entries);
    DigestingOutputStream blob = new DigestingOutputStream(new KeepOpen(destination));
    Digest diffId;
    if (options.compression() == Compression.NONE) {
      writeTar(sorted, blob); // the tar is the blob: hashed once, its digest is the diff ID
      diffId = blob.digest();
    } else {
      try (OutputStream compressor = compressor(blob)) {
        DigestingOutputStream tar = new DigestingOutputStream(compressor);
        writeTar(sorted, tar);
        diffId = tar.digest();
      }
    }
    destination.flush();
    MediaType type = MediaType.layer(options.compression(), options.dockerMediaType());
    return new WrittenLayer(blob.digest(), blob.size(), diffId, type);
  }

  private void writeTar(List<LayerEntry> sorted, OutputStream tar) throws IOException {
    OutputStream buffered = new BufferedOutputStream(tar, 64 * 1024);
    TarEntryWriter writer = new TarEntryWriter(buffered, options.sourceDateEpoch());
    for (LayerEntry entry : sorted) writer.write(entry);
    writer.finish();
    buffered.flush();
  }

  private OutputStream compressor(OutputStream blob) throws IOException {
    return switch (options.compression()) {
      case NONE -> throw new IllegalStateException("an uncompressed layer has no compressor");
      case GZIP -> options.gzipThreads() == 0
          ? new GzipCompressingOutputStream(blob, options.gzipLevel())
          : new ParallelGzipOutputStream(
              blob, options.gzipLevel(), options.gzipThreads(), options.gzipBlockSize());
      case ZSTD -> new ZstdOutputStream(blob, options.zstdLevel());
    };
  }

  /** Lets compressors close themselves without closing the caller's stream. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
