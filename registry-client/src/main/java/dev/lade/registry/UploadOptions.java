package dev.lade.registry;

/**
 * How blobs are uploaded.
 *
 * @param monolithicLimit blobs up to this size go in one {@code PUT}; larger ones in chunks
 * @param chunkSize the size of a {@code PATCH} chunk; raised to the registry's {@code
 *     OCI-Chunk-Min-Length} when it asks for more
 * @param maxRestarts how often an upload that failed midway is resumed or restarted
 */
public record UploadOptions(long monolithicLimit, long chunkSize, int maxRestarts) {

  public UploadOptions {
    if (monolithicLimit < 0 || chunkSize < 1 || maxRestarts < 0) {
      throw new IllegalArgumentException("invalid upload options");
    }
  }

  /** Up to 32 MiB in one request, else 16 MiB chunks; 5 restarts. */
  public static UploadOptions defaults() {
    return new UploadOptions(32L << 20, 16L << 20, 5);
  }
}
