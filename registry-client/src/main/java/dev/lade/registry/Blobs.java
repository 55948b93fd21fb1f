package dev.lade.registry;

import dev.lade.oci.digest.Digest;
import dev.lade.registry.auth.Scope;
import dev.lade.registry.blob.BlobSource;
import dev.lade.registry.blob.VerifyingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Blob operations ({@code /v2/<name>/blobs/}). Every download is verified while it streams: the
 * stream throws {@link dev.lade.registry.blob.BlobVerificationException} at its end unless the
 * bytes match the digest and size.
 */
public final class Blobs {
  private final RegistryClient client;

  Blobs(RegistryClient client) {
    this.client = client;
  }

  /** The size of blob {@code digest} in {@code repository} ({@code HEAD}), empty if absent. */
  public Optional<Long> size(String repository, Digest digest) throws IOException {
    String operation = "check blob " + repository + "@" + digest;
    Call call = Call.head(blobPath(repository, digest), List.of(Scope.pull(repository)), operation);
    try (Reply reply = client.session().expect(call, 200, 404)) {
      return reply.status() == 404 ? Optional.empty() : Optional.of(reply.contentLength());
    }
  }

  /** Whether {@code repository} has blob {@code digest}. */
  public boolean exists(String repository, Digest digest) throws IOException {
    return size(repository, digest).isPresent();
  }

  /**
   * Streams blob {@code digest} of {@code size} bytes; a broken download resumes by {@code Range}.
   * Reading to the end verifies it.
   */
  public InputStream open(String repository, Digest digest, long size) throws IOException {
    return open(repository, digest, size, digest.algorithm().newMessageDigest(), 0);
  }

  /**
   * Streams blob {@code digest} from byte {@code offset} on, to resume a download of which {@code
   * prefixHash} has taken in the first {@code offset} bytes; reading to the end verifies the whole
   * blob.
   */
  public InputStream open(String repository, Digest digest, long size, MessageDigest prefixHash, long offset)
      throws IOException {
    if (offset < 0 || offset > size) throw new IllegalArgumentException("offset " + offset + " outside blob of " + size);
    InputStream rest = openUnverified(repository, digest, offset);
    return new VerifyingInputStream(rest, digest, size, prefixHash, offset);
  }

  /**
   * Streams blob {@code digest} from byte {@code offset} on without hashing it, a broken download
   * resuming by {@code Range}: for an upload to a registry, which checks the digest itself before
   * it takes the blob ({@code PUT ?digest=}), and whose request length bounds the size.
   */
  public InputStream openUnverified(String repository, Digest digest, long offset) throws IOException {
    int resumes = client.config().transport().retry().maxAttempts() - 1;
    RegistryException failure = null;
    for (RegistrySession session : client.readSessions()) {
      try {
        return ResumingBlobStream.open(session, repository, digest, offset, resumes);
      } catch (RegistryException e) {
        failure = e;
      }
    }
    throw failure;
  }

  /**
   * Uploads blob {@code digest} of {@code size} bytes read from {@code source} to {@code
   * repository}: in one {@code PUT} when small, else in {@code PATCH} chunks; an upload that breaks
   * off resumes where the registry got to, or starts over. The registry checks the digest.
   */
  public void upload(String repository, Digest digest, long size, BlobSource source) throws IOException {
    new BlobUpload(client.session(), client.config().uploads(), repository, digest, size, source).run();
  }

  /**
   * Mounts blob {@code digest} from repository {@code from} into {@code repository} on the same
   * registry, without uploading it. Returns false when the registry would not mount (it may not
   * have the blob there, or not let us read it: 401, 403 and 404 mean "not mounted" here, as to
   * containerd and Docker); then upload it.
   */
  public boolean mount(String repository, Digest digest, String from) throws IOException {
    String operation = "mount blob " + digest + " from " + from + " into " + repository;
    String target = uploadsPath(repository) + "?mount=" + encode(digest.toString()) + "&from=" + encode(from);
    Call call = new Call("POST", target, Map.of(), BlobUpload.EMPTY,
        List.of(Scope.push(repository), Scope.pull(from)), operation, true);
    RegistrySession session = client.session();
    try (Reply reply = session.expect(call, 201, 202, 401, 403, 404)) {
      if (reply.status() == 201) return true;
      if (reply.status() != 202) return false;
      // 202: the registry opened an ordinary upload instead; cancel it, the caller uploads.
      Optional<java.net.URI> location = reply.location();
      if (location.isPresent()) BlobUpload.cancel(session, location.get(), repository);
      return false;
    }
  }

  static String blobPath(String repository, Digest digest) {
    return "/v2/" + repository + "/blobs/" + digest;
  }

  static String uploadsPath(String repository) {
    return "/v2/" + repository + "/blobs/uploads/";
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
