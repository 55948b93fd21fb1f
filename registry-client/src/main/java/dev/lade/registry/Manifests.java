package dev.lade.registry;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.digest.InvalidDigestException;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageDocument;
import dev.lade.oci.image.InvalidImageException;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.json.RawJson;
import dev.lade.registry.auth.Scope;
import dev.lade.registry.transport.RequestBody;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Manifest operations ({@code /v2/<name>/manifests/<reference>}). Pulls accept OCI and Docker
 * schema 2 manifests and indexes, never Docker schema 1, and verify the bytes against the digest.
 */
public final class Manifests {
  /** The media types pulls accept, in the {@code Accept} header. */
  public static final List<MediaType> ACCEPTED = List.of(
      MediaType.OCI_MANIFEST, MediaType.OCI_INDEX, MediaType.DOCKER_MANIFEST, MediaType.DOCKER_MANIFEST_LIST);

  /** The largest manifest accepted, as containerd: 4 MiB. */
  public static final int MAX_SIZE = 4 << 20;

  private static final String ACCEPT = ACCEPTED.stream().map(MediaType::value).collect(Collectors.joining(", "));

  private final RegistryClient client;

  Manifests(RegistryClient client) {
    this.client = client;
  }

  /**
   * The manifest or index {@code reference} (a tag or digest) of {@code repository}.
   *
   * @throws RegistryException if it is unknown ({@code MANIFEST_UNKNOWN}), unsupported (schema 1),
   *     invalid, or does not match its digest
   */
  public PulledManifest get(String repository, String reference) throws IOException {
    String operation = "pull manifest " + subject(repository, reference);
    RegistryException failure = null;
    for (RegistrySession session : client.readSessions()) {
      try {
        RegistrySession.Buffered fetched = session.fetch(call("GET", repository, reference, operation), MAX_SIZE + 1, 200);
        return verified(session, operation, reference, fetched.reply(), fetched.body());
      } catch (RegistryException e) {
        failure = e;
      }
    }
    throw failure;
  }

  /**
   * The descriptor of manifest {@code reference} ({@code HEAD}), empty if the registry does not
   * know it. The digest is the registry's {@code Docker-Content-Digest}.
   */
  public Optional<Descriptor> head(String repository, String reference) throws IOException {
    String operation = "check manifest " + subject(repository, reference);
    RegistryException failure = null;
    for (RegistrySession session : client.readSessions()) {
      try {
        Optional<Descriptor> found = head(session, call("HEAD", repository, reference, operation), reference);
        if (found.isPresent()) return found;
      } catch (RegistryException e) {
        failure = e;
      }
    }
    if (failure != null) throw failure;
    return Optional.empty();
  }

  private static Optional<Descriptor> head(RegistrySession session, Call call, String reference) throws IOException {
    try (Reply reply = session.expect(call, 200, 404)) {
      if (reply.status() == 404) return Optional.empty();
      String type = reply.header("Content-Type").orElse("");
      String digest = reply.header("Docker-Content-Digest").orElse(isDigest(reference) ? reference : "");
      if (type.isEmpty() || digest.isEmpty()) {
        throw new RegistryException(session.registry(), call.operation(),
            "no Content-Type or Docker-Content-Digest in the answer", null);
      }
      return Optional.of(Descriptor.of(MediaType.fromContentType(type), Digest.parse(digest), reply.contentLength()));
    }
  }


  /**
   * Pushes {@code bytes} exactly as given as manifest {@code reference} (a tag, or the digest of
   * the bytes) of {@code repository}; returns their digest.
   */
  public Digest put(String repository, String reference, MediaType mediaType, byte[] bytes) throws IOException {
    String operation = "push manifest " + subject(repository, reference);
    RegistrySession session = client.session();
    if (mediaType.isSchema1()) {
      throw new RegistryException(session.registry(), operation,
          "Docker schema 1 manifests are not supported (" + mediaType + ")", null);
    }
    byte[] copy = bytes.clone();
    Digest digest = Digest.sha256(copy);
    Call call = new Call("PUT", path(repository, reference), Map.of(),
        () -> RequestBody.of(copy, mediaType.value()), List.of(Scope.push(repository)), operation, true);
    session.expect(call, 201).close();
    return digest;
  }

  /** Deletes manifest {@code digest} of {@code repository} (registries refuse deleting by tag). */
  public void delete(String repository, Digest digest) throws IOException {
    String operation = "delete manifest " + repository + "@" + digest;
    Call call = new Call("DELETE", path(repository, digest.toString()), Map.of(), null,
        List.of(Scope.repository(repository, "delete")), operation, true);
    client.session().expect(call, 202, 200).close();
  }

  private PulledManifest verified(
      RegistrySession session, String operation, String reference, Reply reply, byte[] bytes)
      throws RegistryException {
    if (bytes.length > MAX_SIZE) {
      throw new RegistryException(session.registry(), operation, "manifest larger than " + MAX_SIZE + " bytes", null);
    }
    Optional<String> announced = reply.header("Docker-Content-Digest");
    String expected = isDigest(reference) ? reference : announced.orElse(null);
    try {
      if (expected != null) {
        Digest want = Digest.parse(expected);
        Digest actual = Digest.of(want.algorithm(), bytes);
        if (!actual.equals(want)) {
          throw new RegistryException(session.registry(), operation,
              "manifest has digest " + actual + ", expected " + want, null);
        }
      }
      String contentType = reply.header("Content-Type").orElse(null);
      RawJson<ImageDocument> document = RawJson.parse(bytes, b -> ImageDocument.parse(contentType, b));
      MediaType type = typeOf(document.value(), contentType);
      return new PulledManifest(type, document);
    } catch (InvalidImageException | InvalidDigestException e) {
      throw new RegistryException(session.registry(), operation, e.getMessage(), e);
    }
  }

  /** The document's own type, else the served one, else (untyped, unlabelled) by its kind. */
  private static MediaType typeOf(ImageDocument document, String contentType) {
    if (document.mediaType() != null) return document.mediaType();
    MediaType served = contentType == null || contentType.isBlank() ? null : MediaType.fromContentType(contentType);
    if (served != null && (served.isManifest() || served.isIndex())) return served;
    return switch (document) {
      case dev.lade.oci.image.Manifest m -> MediaType.OCI_MANIFEST;
      case dev.lade.oci.image.Index i -> MediaType.OCI_INDEX;
    };
  }

  private static Call call(String method, String repository, String reference, String operation) {
    return new Call(method, path(repository, reference), Map.of("Accept", ACCEPT), null,
        List.of(Scope.pull(repository)), operation, true);
  }

  private static String path(String repository, String reference) {
    return "/v2/" + repository + "/manifests/" + reference;
  }

  private static boolean isDigest(String reference) {
    return reference.contains(":");
  }

  private static String subject(String repository, String reference) {
    return repository + (isDigest(reference) ? "@" : ":") + reference;
  }
}
