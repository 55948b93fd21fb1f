package dev.lade.oci.store;

import java.io.IOException;

/** An image store: blobs, the references naming them, and garbage collection. */
public interface Store {
  /** The blobs. */
  BlobStore blobs();

  /** The references. */
  RefIndex refs();

  /**
   * Holds off garbage collection until closed, so that blobs written under the lease survive until
   * a reference points at them. Multi-step writes (load, import, pull) run under a lease.
   */
  Lease lease() throws IOException;

  /**
   * Deletes every blob that no reference and no root of {@code extraRoots} needs, waiting for
   * leases to end first.
   */
  PruneReport prune(GcRoots extraRoots) throws IOException;
}
