package dev.lade.oci.archive;

/** The tar formats lade writes. */
public enum ArchiveFormat {
  /**
   * What {@code docker save} writes: {@code manifest.json} with Config, RepoTags and Layers, the
   * blobs under {@code blobs/sha256/}, and (as Docker 25 does) an OCI layout alongside.
   */
  DOCKER,
  /** An OCI image layout in a tar. */
  OCI
}
