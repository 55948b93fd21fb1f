package dev.lade.buildkit.fs;

import java.io.IOException;

/**
 * Carries out one COPY or ADD: reads its sources, applies Docker's path rules, ownership and
 * mode options, and returns what the step adds on top of the destination tree.
 */
public interface FileCopier {

  /** The layer the step produces, with the checksum of what it read (for the cache key). */
  CopyResult copy(CopyRequest request) throws IOException;
}
