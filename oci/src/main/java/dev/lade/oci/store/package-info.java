/**
 * lade's local image store: an OCI image layout on disk ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/...}) that skopeo and umoci can read, behind small interfaces ({@link
 * dev.lade.oci.store.BlobStore}, {@link dev.lade.oci.store.RefIndex}, {@link
 * dev.lade.oci.store.Store}).
 *
 * <p>Writes are atomic (temp file, fsync, rename) and blobs are verified while they stream in.
 * Several lade processes may share one store: {@code index.json} updates and garbage collection
 * run under file locks.
 */
package dev.lade.oci.store;
