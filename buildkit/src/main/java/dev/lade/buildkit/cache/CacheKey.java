package dev.lade.buildkit.cache;

import dev.lade.oci.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A content-addressed key for a build step's filesystem result: the key of the filesystem it
 * starts from, chained with everything the step depends on (the instruction as expanded, the
 * build arguments and settings in effect, checksums of what it reads).
 *
 * @param digest the key
 */
public record CacheKey(Digest digest) {
  public CacheKey {
    Objects.requireNonNull(digest, "digest");
  }

  /** The key of an empty filesystem ({@code FROM scratch}). */
  public static CacheKey scratch() {
    return of("scratch");
  }

  /** The key of a base image's filesystem, by its manifest's digest. */
  public static CacheKey image(Digest manifest) {
    return of("image " + manifest);
  }

  /** The key of the step that follows this one and depends on {@code parts}. */
  public CacheKey then(Object... parts) {
    StringBuilder sb = new StringBuilder(digest.toString());
    for (Object part : parts) {
      String s = String.valueOf(part);
      // Length-prefixed, so that parts cannot run into each other.
      sb.append('\n').append(s.length()).append(':').append(s);
    }
    return of(sb.toString());
  }

  private static CacheKey of(String text) {
    return new CacheKey(Digest.sha256(text.getBytes(StandardCharsets.UTF_8)));
  }
}
