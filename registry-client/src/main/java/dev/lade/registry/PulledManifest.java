package dev.lade.registry;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageDocument;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.json.RawJson;
import java.util.Objects;

/**
 * A manifest or index as a registry served it: the exact bytes (parsed), their media type and
 * digest, verified against the digest asked for or the one the registry announced.
 */
public record PulledManifest(MediaType mediaType, RawJson<ImageDocument> document) {

  public PulledManifest {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(document, "document");
  }

  /** The SHA-256 digest of the exact bytes. */
  public Digest digest() {
    return document.digest();
  }

  /** A descriptor of this manifest: media type, digest and size. */
  public Descriptor descriptor() {
    return Descriptor.of(mediaType, document.digest(), document.size());
  }

  /** The exact bytes. */
  public byte[] bytes() {
    return document.bytes();
  }
}
