package dev.lade.registry;

import dev.lade.oci.digest.Digest;
import dev.lade.registry.auth.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A blob's bytes from some offset on, reopening the download with {@code Range} from where it
 * broke off when the connection fails, a bounded number of times. It does not verify: {@link
 * dev.lade.registry.blob.VerifyingInputStream} wraps it.
 */
final class ResumingBlobStream extends InputStream {
  private final RegistrySession session;
  private final String repository;
  private final Digest digest;
  private final int maxResumes;
  private long position;
  private int resumes;
  private Reply reply;
  private InputStream in;

  private ResumingBlobStream(RegistrySession session, String repository, Digest digest, long offset, int maxResumes) {
    this.session = session;
    this.repository = repository;
    this.digest = digest;
    this.position = offset;
    this.maxResumes = maxResumes;
  }

  /** Opens the download of {@code digest} from {@code offset}; fails at once if the registry refuses. */
  static ResumingBlobStream open(RegistrySession session, String repository, Digest digest, long offset, int maxResumes)
      throws IOException {
    ResumingBlobStream stream = new ResumingBlobStream(session, repository, digest, offset, maxResumes);
    stream.connect();
    return stream;
  }

  private void connect() throws IOException {
    String operation = "pull blob " + repository + "@" + digest;
    Call call = Call.get("/v2/" + repository + "/blobs/" + digest, List.of(Scope.pull(repository)), operation);
    if (position > 0) call = call.withHeader("Range", "bytes=" + position + "-");
    Reply opened = session.expect(call, 200, 206);
    InputStream body = opened.body();
    if (position > 0 && opened.status() == 200) {
      // The range was ignored: the whole blob comes again, so drop what we already have.
      body.skipNBytes(position);
    }
    reply = opened;
    in = body;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    while (true) {
      try {
        int n = in.read(buffer, offset, length);
        if (n > 0) position += n;
        return n;
      } catch (RegistryException e) {
        throw e;
      } catch (IOException broken) {
        if (resumes++ >= maxResumes) throw new RegistryException(session.registry(),
            "pull blob " + repository + "@" + digest, RegistrySession.describe(broken) + " at byte " + position, broken);
        closeQuietly();
        connect();
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (reply != null) reply.close();
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException ignored) {
      // the connection is broken anyway
    }
  }
}
