/**
 * Image layers: deterministic tar blobs written and read as BuildKit and containerd do.
 *
 * <p>{@link dev.lade.oci.layer.LayerWriter} takes {@link dev.lade.oci.layer.LayerEntry} values,
 * sorts them in containerd's walk order, writes headers byte for byte as Go's {@code archive/tar}
 * does for containerd's differ (USTAR, PAX only when a field needs it, whole-second times, numeric
 * owners), compresses with gzip (Go's header bytes; optionally {@link
 * dev.lade.oci.layer.ParallelGzipOutputStream}), zstd or nothing, and returns the blob's digest
 * and size with the tar's diff ID, all computed in the one pass that streams the blob out. {@link
 * dev.lade.oci.layer.LayerReader} reads layers back, recognising whiteouts.
 *
 * <p>Same entries, same options, same bytes: nothing depends on the clock, the JDK, the thread
 * count or the host's users. What the entries say (modes after the umask, owners) is the caller's
 * concern.
 */
package dev.lade.oci.layer;
