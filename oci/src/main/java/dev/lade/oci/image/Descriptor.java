package dev.lade.oci.image;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.json.CanonicalJson;
import dev.lade.oci.json.JsonValue;
import dev.lade.oci.json.RawJson;
import dev.lade.oci.platform.Platform;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCI content descriptor: what a piece of content is, its digest and its size.
 *
 * @param mediaType the type of the referenced content
 * @param digest the digest of the referenced content
 * @param size the size of the referenced content in bytes
 * @param urls where the content may also be downloaded from (foreign layers)
 * @param annotations arbitrary metadata
 * @param data the content itself, base64-encoded; empty if not embedded
 * @param platform the platform of a referenced manifest, or null
 * @param artifactType the artifact type of a referenced artifact manifest, or null
 * @param extra fields this model does not know, kept so that they survive a rewrite
 */
public record Descriptor(
    MediaType mediaType,
    Digest digest,
    long size,
    List<String> urls,
    Map<String, String> annotations,
    String data,
    Platform platform,
    MediaType artifactType,
    Map<String, JsonValue> extra) {

  /**
   * The descriptor of {@code {}} that the OCI spec suggests for empty configs and layers, with the spec's digest
   * written out: hashing it here started the JDK's security providers in every command that reads a descriptor.
   */
  public static final Descriptor EMPTY_JSON = of(MediaType.OCI_EMPTY,
      Digest.parse("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"), 2)
      .withData(new byte[] {'{', '}'});

  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    if (size < 0) throw new IllegalArgumentException("size must not be negative: " + size);
    urls = List.copyOf(Objects.requireNonNullElse(urls, List.of()));
    annotations = Copies.sortedMap(annotations);
    data = Objects.requireNonNullElse(data, "");
    extra = Copies.sortedMap(extra);
  }

  // Written out: a record's generated equals and hashCode link through ObjectMethods' bootstrap at first use,
  // which spins classes at run time that no start-up cache holds (a no-op build compares descriptors to find the image unchanged).
  @Override
  public boolean equals(Object other) {
    return other instanceof Descriptor d && mediaType.equals(d.mediaType) && digest.equals(d.digest) && size == d.size
        && urls.equals(d.urls) && annotations.equals(d.annotations) && data.equals(d.data)
        && Objects.equals(platform, d.platform) && Objects.equals(artifactType, d.artifactType) && extra.equals(d.extra);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mediaType, digest, size, urls, annotations, data, platform, artifactType, extra);
  }

  /** A descriptor of just a type, a digest and a size. */
  public static Descriptor of(MediaType mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, List.of(), Map.of(), "", null, null, Map.of());
  }

  /** A descriptor of a JSON document, from its exact bytes. */
  public static Descriptor of(MediaType mediaType, RawJson<?> document) {
    return of(mediaType, document.digest(), document.size());
  }

  public Descriptor withPlatform(Platform platform) {
    return new Descriptor(mediaType, digest, size, urls, annotations, data, platform, artifactType, extra);
  }

  public Descriptor withAnnotations(Map<String, String> annotations) {
    return new Descriptor(mediaType, digest, size, urls, annotations, data, platform, artifactType, extra);
  }

  public Descriptor withUrls(List<String> urls) {
    return new Descriptor(mediaType, digest, size, urls, annotations, data, platform, artifactType, extra);
  }

  public Descriptor withArtifactType(MediaType artifactType) {
    return new Descriptor(mediaType, digest, size, urls, annotations, data, platform, artifactType, extra);
  }

  public Descriptor withMediaType(MediaType mediaType) {
    return new Descriptor(mediaType, digest, size, urls, annotations, data, platform, artifactType, extra);
  }

  /** This descriptor with {@code content} embedded as its {@code data}. */
  public Descriptor withData(byte[] content) {
    String encoded = Base64.getEncoder().encodeToString(content);
    return new Descriptor(mediaType, digest, size, urls, annotations, encoded, platform, artifactType, extra);
  }

  /** The embedded content, decoded, if any. */
  public Optional<byte[]> dataBytes() {
    return data.isEmpty() ? Optional.empty() : Optional.of(Base64.getDecoder().decode(data));
  }

  /** Parses a descriptor document ({@code application/vnd.oci.descriptor.v1+json}). */
  public static Descriptor parse(byte[] json) {
    return DocumentReader.read("descriptor", json, DescriptorJson::read);
  }

  /** This descriptor as compact JSON, the way Go writes it. */
  public byte[] toJson() {
    return CanonicalJson.compact(DescriptorJson.write(this));
  }
}
