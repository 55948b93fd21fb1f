package dev.lade.registry.transfer;

import dev.lade.oci.image.Descriptor;

/**
 * What a copy did.
 *
 * @param root the manifest or index copied (and tagged)
 * @param manifest the image manifest: the root itself, or the one chosen from it for a platform;
 *     null when a whole index was copied
 * @param blobsSent blobs whose bytes were sent
 * @param blobsSkipped blobs the target already had or mounted
 */
public record CopyResult(Descriptor root, Descriptor manifest, int blobsSent, int blobsSkipped) {}
