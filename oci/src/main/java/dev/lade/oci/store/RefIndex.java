package dev.lade.oci.store;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.reference.Reference;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The store's names: references such as {@code docker.io/library/busybox:latest} pointing at
 * manifests or indexes. References are always full (normalized, with a tag or digest).
 */
public interface RefIndex {
  /** All entries, named and untagged, in index order. */
  List<RefEntry> list() throws IOException;

  /** The target of {@code reference}, if the store has it. */
  Optional<Descriptor> get(Reference reference) throws IOException;

  /**
   * Points {@code reference} at {@code target}, replacing what it pointed at.
   *
   * @throws BlobNotFoundException if the target blob is not in the store
   */
  void put(Reference reference, Descriptor target) throws IOException;

  /** Keeps {@code target} as an untagged image, unless some entry already points at it. */
  void putUntagged(Descriptor target) throws IOException;

  /** Drops {@code reference}; returns whether it was there. The blobs stay until a prune. */
  boolean remove(Reference reference) throws IOException;
}
