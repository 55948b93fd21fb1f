package dev.lade.registry.transfer;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.registry.PulledManifest;
import dev.lade.registry.RegistryClient;
import dev.lade.registry.blob.BlobSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A repository of a registry as a source or target of copies, with one reference (a tag or digest;
 * as a target, a tag or null to push by digest only). As a target it mounts blobs from {@code
 * mountFrom}, other repositories of the same registry that may have them, instead of uploading.
 */
public final class RegistryRepository implements ImageSource, ImageTarget {
  private final RegistryClient client;
  private final String repository;
  private final String reference;
  private final List<String> mountFrom;
  private final boolean mountFromHoldsEveryBlob;
  private final Map<Digest, PulledManifest> fetched = new ConcurrentHashMap<>();

  /**
   * A target that may mount from {@code mountFrom}, repositories that may hold some of the blobs
   * (such as where a pushed image was pulled from): it is asked whether it has a blob first.
   */
  public RegistryRepository(RegistryClient client, String repository, String reference, List<String> mountFrom) {
    this(client, repository, reference, mountFrom, false);
  }

  private RegistryRepository(
      RegistryClient client, String repository, String reference, List<String> mountFrom, boolean holdsEveryBlob) {
    this.client = client;
    this.repository = repository;
    this.reference = reference;
    this.mountFrom = mountFrom.stream().filter(r -> !r.equals(repository)).distinct().toList();
    this.mountFromHoldsEveryBlob = holdsEveryBlob;
  }

  /**
   * The target of a copy from {@code source}, another repository of the same registry, which holds
   * every blob copied: each is mounted from it before anything else is asked, one request a blob.
   */
  public static RegistryRepository copyingFrom(
      RegistryClient client, String repository, String reference, String source) {
    return new RegistryRepository(client, repository, reference, List.of(source), true);
  }

  public RegistryRepository(RegistryClient client, String repository, String reference) {
    this(client, repository, reference, List.of());
  }

  /** The registry host. */
  public String registry() {
    return client.registry();
  }

  /** The repository path, such as {@code lade/app}. */
  public String repository() {
    return repository;
  }

  @Override
  public Descriptor root() throws IOException {
    PulledManifest manifest = client.manifests().get(repository, reference == null ? "latest" : reference);
    fetched.put(manifest.digest(), manifest);
    return manifest.descriptor();
  }

  @Override
  public byte[] manifest(Descriptor descriptor) throws IOException {
    PulledManifest known = fetched.get(descriptor.digest());
    if (known == null) known = client.manifests().get(repository, descriptor.digest().toString());
    return known.bytes();
  }

  @Override
  public InputStream blob(Descriptor descriptor) throws IOException {
    return client.blobs().open(repository, descriptor.digest(), descriptor.size());
  }

  /**
   * Downloads for an upload are not hashed (the JDK's SHA-256, on the CPU's SHA instructions as
   * OpenSSL, takes a third of a CPU-second for 500 MB): the target registry checks the digest. A
   * broken upload that resumes downloads from its offset on.
   */
  @Override
  public BlobSource blobSource(Descriptor descriptor) {
    return new SequentialBlobSource(offset -> client.blobs().openUnverified(repository, descriptor.digest(), offset));
  }

  @Override
  public boolean hasBlob(Descriptor descriptor) throws IOException {
    return client.blobs().exists(repository, descriptor.digest());
  }

  @Override
  public boolean mountBlob(Descriptor descriptor) throws IOException {
    for (String from : mountFrom) {
      if (client.blobs().mount(repository, descriptor.digest(), from)) return true;
    }
    return false;
  }

  @Override
  public boolean mountsFirst() {
    return mountFromHoldsEveryBlob && !mountFrom.isEmpty();
  }

  @Override
  public void putBlob(Descriptor descriptor, ImageSource source) throws IOException {
    client.blobs().upload(repository, descriptor.digest(), descriptor.size(), source.blobSource(descriptor));
  }

  @Override
  public void putManifest(Descriptor descriptor, byte[] bytes) throws IOException {
    client.manifests().put(repository, descriptor.digest().toString(), descriptor.mediaType(), bytes);
  }

  /**
   * Pushes the root under the tag alone, when there is one: registries tag by {@code PUT}, which
   * stores the manifest too, so a {@code PUT} by digest first would be a round trip for nothing.
   */
  @Override
  public void putRoot(Descriptor root, byte[] bytes, ImageSource origin) throws IOException {
    if (tagged()) {
      client.manifests().put(repository, reference, root.mediaType(), bytes);
    } else {
      putManifest(root, bytes);
    }
  }

  /** Tags the root, pushing its bytes again under the tag (registries tag by {@code PUT}). */
  @Override
  public void finish(Descriptor root, ImageSource origin) throws IOException {
    if (!tagged()) return;
    client.manifests().put(repository, reference, root.mediaType(), origin.manifest(root));
  }

  private boolean tagged() {
    return reference != null && !reference.contains(":");
  }

  @Override
  public String describe() {
    String suffix = reference == null ? "" : (reference.contains(":") ? "@" : ":") + reference;
    return client.registry() + "/" + repository + suffix;
  }
}
