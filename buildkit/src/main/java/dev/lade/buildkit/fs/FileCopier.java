package dev.lade.buildkit.fs;

import dev.lade.oci.digest.Digest;
import java.io.IOException;
import java.util.Optional;

/**
 * Carries out one COPY or ADD: reads its sources, applies Docker's path rules, ownership and
 * mode options, and returns what the step adds on top of the destination tree.
 */
public interface FileCopier {

  /** The layer the step produces, with the checksum of what it read (for the cache key). */
  CopyResult copy(CopyRequest request) throws IOException;

  /**
   * The checksum of the step's options and of everything it reads from its sources that lands in
   * the layer, computed without the destination tree, so that a cache key chained onto the
   * destination's own key finds a cached step before anything is planned (BuildKit keys its file
   * operations so). Empty when only carrying the step out can tell: a URL source, whose content is
   * known once fetched; the caller then keys the step by the checksum of the entries it planned
   * ({@link dev.lade.buildkit.fs.copy.InputChecksum}).
   *
   * @throws CopyException when the options or sources alone show that the step fails (a bad
   *     option, a missing source, a path leaving the context), worded as carrying it out would
   */
  default Optional<Digest> sourceChecksum(CopySources sources) throws IOException {
    return Optional.empty();
  }
}
