package dev.lade.oci.layer;

import dev.lade.oci.image.Compression;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * How a layer is written.
 *
 * @param compression gzip (BuildKit's default), zstd or none
 * @param level the compression level; {@link #DEFAULT_LEVEL} means gzip 6 or zstd 3, as BuildKit
 * @param gzipThreads 0 for one plain deflate stream; 1 or more for {@link
 *     ParallelGzipOutputStream}, whose bytes do not depend on the thread count (but differ from
 *     the plain stream's)
 * @param gzipBlockSize the block size of parallel gzip
 * @param sourceDateEpoch when present, modification times after it are clamped to it, as BuildKit
 *     does with {@code SOURCE_DATE_EPOCH} and {@code rewrite-timestamp=true}
 * @param dockerMediaType whether to report Docker's layer media type rather than OCI's
 */
public record LayerOptions(
    Compression compression,
    int level,
    int gzipThreads,
    int gzipBlockSize,
    Optional<Instant> sourceDateEpoch,
    boolean dockerMediaType) {
  /** The compressor's own default level. */
  public static final int DEFAULT_LEVEL = -1;

  public LayerOptions {
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(sourceDateEpoch, "sourceDateEpoch");
    if (gzipThreads < 0) throw new IllegalArgumentException("negative gzip threads " + gzipThreads);
  }

  /** Gzip at the default level, single stream, no clamping, OCI media types. */
  public static LayerOptions defaults() {
    return new LayerOptions(
        Compression.GZIP, DEFAULT_LEVEL, 0, ParallelGzipOutputStream.DEFAULT_BLOCK_SIZE, Optional.empty(), false);
  }

  public LayerOptions withCompression(Compression c) {
    return new LayerOptions(c, level, gzipThreads, gzipBlockSize, sourceDateEpoch, dockerMediaType);
  }

  public LayerOptions withLevel(int l) {
    return new LayerOptions(compression, l, gzipThreads, gzipBlockSize, sourceDateEpoch, dockerMediaType);
  }

  public LayerOptions withParallelGzip(int threads, int blockSize) {
    return new LayerOptions(compression, level, threads, blockSize, sourceDateEpoch, dockerMediaType);
  }

  public LayerOptions withSourceDateEpoch(Instant epoch) {
    return new LayerOptions(compression, level, gzipThreads, gzipBlockSize, Optional.of(epoch), dockerMediaType);
  }

  public LayerOptions withDockerMediaType(boolean docker) {
    return new LayerOptions(compression, level, gzipThreads, gzipBlockSize, sourceDateEpoch, docker);
  }

  int gzipLevel() {
    return level == DEFAULT_LEVEL ? Deflater.DEFAULT_COMPRESSION : level;
  }

  int zstdLevel() {
    return level == DEFAULT_LEVEL ? 3 : level;
  }
}
