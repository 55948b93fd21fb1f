package dev.lade.registry;

import dev.lade.oci.digest.Digest;
import dev.lade.registry.auth.Scope;
import dev.lade.registry.blob.BlobSource;
import dev.lade.registry.transport.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One blob upload (OCI distribution spec, "Pushing blobs"): {@code POST} opens a session, then a
 * monolithic {@code PUT ?digest=} or {@code PATCH} chunks with {@code Content-Range} and a closing
 * {@code PUT ?digest=}. A chunk or monolithic {@code PUT} that fails asks the session where it
 * stands ({@code GET} on the upload URL, which also answers a 416) and goes on from there in
 * chunks; a lost session starts over.
 */
final class BlobUpload {
  static final Call.Body EMPTY = () -> RequestBody.of(new byte[0], null);
  private static final String OCTET_STREAM = "application/octet-stream";

  private final RegistrySession session;
  private final UploadOptions options;
  private final String repository;
  private final Digest digest;
  private final long size;
  private final BlobSource source;
  private final String operation;
  private final List<Scope> scopes;
  private int failures;
  private boolean refusedWhole;

  BlobUpload(RegistrySession session, UploadOptions options, String repository, Digest digest, long size, BlobSource source) {
    this.session = session;
    this.options = options;
    this.repository = repository;
    this.digest = digest;
    this.size = size;
    this.source = source;
    this.operation = "push blob " + repository + "@" + digest;
    this.scopes = List.of(Scope.push(repository));
  }

  void run() throws IOException {
    while (true) {
      try {
        attempt();
        return;
      } catch (RegistryException e) {
        if (!worthStartingOver(e) || ++failures > options.maxRestarts()) throw e;
        if (alreadyThere()) return; // the last request went through, only its answer was lost
      }
    }
  }

  private boolean alreadyThere() throws IOException {
    Call head = Call.head(Blobs.blobPath(repository, digest), scopes, operation);
    try (Reply reply = session.send(head)) {
      return reply.status() == 200 && reply.contentLength() == size;
    }
  }

  private void attempt() throws IOException {
    Call start = new Call("POST", Blobs.uploadsPath(repository), Map.of(), EMPTY, scopes, operation, true);
    URI location;
    long minimumChunk;
    try (Reply reply = session.expect(start, 202)) {
      location = requireLocation(reply);
      minimumChunk = reply.header("OCI-Chunk-Min-Length").map(Long::parseLong).orElse(0L);
    }
    long chunkSize = Math.max(options.chunkSize(), minimumChunk);
    if (size <= options.monolithicLimit() && !refusedWhole) {
      sendWhole(location, chunkSize);
    } else {
      finish(sendChunks(location, 0, chunkSize), EMPTY);
    }
  }

  /**
   * Sends the content in the closing {@code PUT}, streamed. If it breaks off and the registry kept
   * part of it (its session answers with a {@code Range}), the rest goes in chunks; a registry that
   * refuses so large a request (413) gets chunks instead, for the rest of this upload.
   */
  private void sendWhole(URI location, long chunkSize) throws IOException {
    try {
      finish(location, () -> RequestBody.of(source.open(0), size, OCTET_STREAM));
    } catch (RegistryException e) {
      if (e.status() == 413) {
        refusedWhole = true;
        finish(sendChunks(location, 0, chunkSize), EMPTY);
        return;
      }
      if (!restartable(e)) throw e;
      Progress kept = progressOrNull(location);
      if (kept == null || kept.offset() == 0 || failures >= options.maxRestarts()) throw e; // start over
      failures++;
      finish(sendChunks(kept.location(), kept.offset(), chunkSize), EMPTY);
    }
  }

  /** Sends the content in chunks; returns the upload URL to close the session at. */
  private URI sendChunks(URI location, long from, long chunkSize) throws IOException {
    long offset = from;
    while (offset < size) {
      long start = offset;
      long length = Math.min(chunkSize, size - offset);
      Call patch = new Call("PATCH", location.toString(),
          Map.of("Content-Range", start + "-" + (start + length - 1)),
          () -> RequestBody.of(limited(source.open(start), length), length, OCTET_STREAM),
          scopes, operation, false);
      Reply reply;
      try {
        reply = session.send(patch);
      } catch (RegistryException broken) {
        if (broken.status() != 0 || ++failures > options.maxRestarts()) throw broken;
        Progress progress = progress(location);
        location = progress.location();
        offset = progress.offset();
        continue;
      }
      if (reply.status() == 202) {
        try (reply) {
          location = requireLocation(reply);
          offset = rangeEnd(reply).orElse(start + length - 1) + 1;
        }
      } else if (resumable(reply.status()) && ++failures <= options.maxRestarts()) {
        reply.close();
        Progress progress = progress(location);
        location = progress.location();
        offset = progress.offset();
      } else {
        throw session.failure(operation, reply);
      }
    }
    return location;
  }

  private record Progress(URI location, long offset) {}

  /** Where the upload stands, or null when the registry no longer knows the session. */
  private Progress progressOrNull(URI location) {
    try {
      return progress(location);
    } catch (IOException e) {
      return null;
    }
  }

  /** Where the upload stands: {@code GET} on its URL answers 204 with {@code Range: 0-N}. */
  private Progress progress(URI location) throws IOException {
    Call status = new Call("GET", location.toString(), Map.of(), null, scopes, operation, true);
    try (Reply reply = session.expect(status, 204)) {
      return new Progress(reply.location().orElse(location), rangeEnd(reply).map(end -> end + 1).orElse(0L));
    }
  }

  private void finish(URI location, Call.Body body) throws IOException {
    String separator = location.getRawQuery() == null ? "?" : "&";
    URI put = URI.create(location + separator + "digest=" + Blobs.encode(digest.toString()));
    Call call = new Call("PUT", put.toString(), Map.of(), body, scopes, operation, false);
    session.expect(call, 201, 204).close();
  }

  /** Cancels an upload session, ignoring failure: the registry purges stale sessions anyway. */
  static void cancel(RegistrySession session, URI location, String repository) {
    Call delete = new Call("DELETE", location.toString(), Map.of(), null,
        List.of(Scope.push(repository)), "cancel upload to " + repository, false);
    try {
      session.send(delete).close();
    } catch (IOException ignored) {
      // best effort
    }
  }

  /** A chunk refused as out of order (416), or lost to a server error: ask where we stand. */
  private static boolean resumable(int status) {
    return status == 416 || status == 429 || status >= 500;
  }

  /**
   * Whether a failed upload is worth starting over: what {@link #restartable} says, and a DIGEST_INVALID at the close
   * of an upload that had to be resumed: the session the registry put together from the broken request and the resumed
   * chunks no longer holds the blob (seen once in a full test run under load, against distribution 2.8 through the fault proxy),
   * while a fresh session sends it whole again.
   */
  private boolean worthStartingOver(RegistryException e) {
    return restartable(e) || failures > 0 && e.hasCode("DIGEST_INVALID");
  }

  private boolean restartable(RegistryException e) {
    int status = e.status();
    return status == 0 || status == 404 || status == 416 || status == 429 || status >= 500;
  }

  private URI requireLocation(Reply reply) throws RegistryException {
    return reply.location().orElseThrow(() ->
        new RegistryException(session.registry(), operation, "the registry sent no upload Location", null));
  }

  /** The end of a {@code Range: 0-N} header (distribution writes it without {@code bytes=}). */
  private static java.util.Optional<Long> rangeEnd(Reply reply) {
    return reply.header("Range").map(range -> {
      String value = range.startsWith("bytes=") ? range.substring(6) : range;
      int dash = value.indexOf('-');
      return Long.parseLong(value.substring(dash + 1).strip());
    });
  }

  private static InputStream limited(InputStream in, long length) {
    return new java.io.FilterInputStream(in) {
      private long left = length;

      @Override
      public int read() throws IOException {
        if (left <= 0) return -1;
        int b = super.read();
        if (b >= 0) left--;
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int count) throws IOException {
        if (left <= 0) return -1;
        int n = super.read(buffer, offset, (int) Math.min(count, left));
        if (n > 0) left -= n;
        return n;
      }
    };
  }
}
