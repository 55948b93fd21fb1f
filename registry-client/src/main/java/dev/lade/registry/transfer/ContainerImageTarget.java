package dev.lade.registry.transfer;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.InvalidImageException;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;

/**
 * A target that takes container images only, as Docker's pull does: before an image manifest is
 * stored, its config must have an image config media type and parse as an image config with one
 * DiffID per layer, and every layer must be of a layer type lade can unpack. Registries check none
 * of this (they take artifacts and any bytes), so a store of runnable images checks it on the way
 * in; what fails leaves no manifest and no name behind, only verified blobs that prune drops.
 */
public final class ContainerImageTarget implements ImageTarget {
  /** The largest config read, far beyond any real one (BuildKit's run to tens of kilobytes). */
  public static final long MAX_CONFIG_SIZE = 16 << 20;

  private final ImageTarget target;
  private final BlobStore landed;

  private ContainerImageTarget(ImageTarget target, BlobStore landed) {
    this.target = target;
    this.landed = landed;
  }

  /** Checks what goes to {@code target}, whose blobs land in (and are read back from) {@code landed}. */
  public static ContainerImageTarget checking(ImageTarget target, BlobStore landed) {
    return new ContainerImageTarget(target, landed);
  }

  @Override
  public boolean hasBlob(Descriptor descriptor) throws IOException {
    return target.hasBlob(descriptor);
  }

  @Override
  public boolean mountBlob(Descriptor descriptor) throws IOException {
    return target.mountBlob(descriptor);
  }

  @Override
  public boolean mountsFirst() {
    return target.mountsFirst();
  }

  @Override
  public void putBlob(Descriptor descriptor, ImageSource source) throws IOException {
    target.putBlob(descriptor, source);
  }

  @Override
  public void putManifest(Descriptor descriptor, byte[] bytes) throws IOException {
    if (descriptor.mediaType().isManifest()) check(descriptor, bytes);
    target.putManifest(descriptor, bytes);
  }

  @Override
  public void finish(Descriptor root, ImageSource origin) throws IOException {
    target.finish(root, origin);
  }

  @Override
  public String describe() {
    return target.describe();
  }

  private void check(Descriptor descriptor, byte[] bytes) throws IOException {
    String subject = "manifest " + descriptor.digest();
    try {
      Manifest manifest = Manifest.parse(bytes);
      Descriptor config = manifest.config();
      if (!config.mediaType().isConfig()) {
        throw new TransferException(subject + " is no container image: its config has media type " + config.mediaType());
      }
      for (Descriptor layer : manifest.layers()) {
        if (!layer.mediaType().isLayer()) {
          throw new TransferException(subject + ": layer " + layer.digest() + " has media type " + layer.mediaType()
              + ", which is no layer type");
        }
      }
      if (config.size() > MAX_CONFIG_SIZE) {
        throw new TransferException(subject + ": config " + config.digest() + " is larger than " + MAX_CONFIG_SIZE + " bytes");
      }
      int diffIds = readConfig(subject, config).rootfs().diffIds().size();
      if (diffIds != manifest.layers().size()) {
        throw new TransferException(subject + ": config " + config.digest() + " names " + diffIds
            + " layer DiffIDs for " + manifest.layers().size() + " layers");
      }
    } catch (InvalidImageException e) {
      throw new TransferException(subject + ": " + e.getMessage(), e);
    }
  }

  private ImageConfig readConfig(String subject, Descriptor config) throws IOException {
    try (InputStream in = landed.open(config.digest())) {
      return ImageConfig.parse(in.readNBytes((int) config.size()));
    } catch (InvalidImageException e) {
      throw new TransferException(subject + ": config " + config.digest() + ": " + e.getMessage(), e);
    }
  }
}
