/**
 * Image archives: {@code docker save}'s tar formats (legacy and OCI-based) and OCI layouts in a
 * tar, read into and written from a {@link dev.lade.oci.store.Store}; and {@code docker import}'s
 * one-layer images from a root filesystem tarball. Everything streams; archives are read twice
 * (index files first, then blobs), so blobs go straight into the store, verified as they go.
 */
package dev.lade.oci.archive;
