package dev.lade.buildkit.fs.fetch;

import dev.lade.oci.digest.DigestAlgorithm;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** Downloads an ADD source URL. */
public interface UrlFetcher {
  /**
   * Downloads {@code url} into a new file under {@code scratch}, hashing it with {@code algorithm}
   * on the way.
   *
   * @throws IOException when the server cannot be reached or answers other than 2xx
   */
  FetchedFile fetch(URI url, DigestAlgorithm algorithm, Path scratch) throws IOException;
}
