/**
 * Moving images between registries, image stores and layouts: {@link dev.lade.registry.transfer.ImageCopier}
 * copies what an {@link dev.lade.registry.transfer.ImageSource} names into an {@link
 * dev.lade.registry.transfer.ImageTarget}, blobs in parallel and manifests after their content,
 * keeping every byte so that digests survive.
 */
package dev.lade.registry.transfer;
