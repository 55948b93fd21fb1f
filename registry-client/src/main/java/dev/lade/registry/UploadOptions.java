package dev.lade.registry;

/**
 * How blobs are uploaded.
 *
 * @param monolithicLimit blobs up to this size go in one streamed {@code PUT}; larger ones in chunks
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

  /**
   * Every blob in one streamed {@code PUT} (as containerd pushes), chunks of 16 MiB where the
   * registry refuses that or a broken {@code PUT} resumes; 5 restarts. {@code PATCH} needs the
   * JDK's {@code HttpClient}, which took 1.7 times the CPU of a {@code PUT} through {@code
   * HttpURLConnection} and twice the memory for a 500 MB push (bench/RESULTS.md); and a registry
   * such as distribution forgets a session whose chunk broke off, so chunks resume nothing there.
   */
  public static UploadOptions defaults() {
    return new UploadOptions(Long.MAX_VALUE, 16L << 20, 5);
  }
}
