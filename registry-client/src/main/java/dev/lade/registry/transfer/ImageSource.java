package dev.lade.registry.transfer;

import dev.lade.oci.image.Descriptor;
import dev.lade.registry.blob.BlobSource;
import java.io.IOException;
import java.io.InputStream;

/** Where an image comes from: a registry repository, an image store, an OCI layout. */
public interface ImageSource {
  /**
   * The manifest or index the source's reference names.
   *
   * @throws dev.lade.oci.store.ImageNotFoundException or {@link dev.lade.registry.RegistryException}
   *     if there is none
   */
  Descriptor root() throws IOException;

  /** The exact bytes of manifest or index {@code descriptor}, verified against its digest. */
  byte[] manifest(Descriptor descriptor) throws IOException;

  /**
   * Whether the source holds manifest {@code descriptor}. A store may hold an index with only the
   * platforms that were pulled; the others are left out of copies (the target must have them).
   */
  default boolean hasManifest(Descriptor descriptor) throws IOException {
    return true;
  }

  /** Streams blob {@code descriptor}; reading it to the end verifies it. */
  InputStream blob(Descriptor descriptor) throws IOException;

  /**
   * Blob {@code descriptor} as the source of an upload to a registry, readable again from any
   * offset. It need not verify the bytes: the registry checks the digest before it takes them.
   */
  default BlobSource blobSource(Descriptor descriptor) {
    return new SequentialBlobSource(SequentialBlobSource.fromStart(() -> blob(descriptor)));
  }

  /** Where the source is, for messages: {@code 127.0.0.1:5000/lade/app:1}. */
  String describe();
}
