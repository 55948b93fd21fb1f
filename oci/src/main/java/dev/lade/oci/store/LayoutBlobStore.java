package dev.lade.oci.store;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.digest.DigestAlgorithm;
import dev.lade.oci.digest.DigestingOutputStream;
import dev.lade.oci.digest.InvalidDigestException;
import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The {@code blobs/<algorithm>/<hex>} directory of an OCI layout. Blobs are staged in the store's
 * temp directory, verified while they stream in, synced and renamed into place.
 */
final class LayoutBlobStore implements BlobStore {
  /** Large enough that a blob takes few system calls, small enough to keep per thread. */
  private static final int BUFFER_SIZE = 256 * 1024;
  /**
   * A verified download is synced every so many bytes while it streams in: the disk writes behind
   * the download instead of all at once after it, where a pull's parallel blobs each waited up to
   * a tenth of a second for their final sync with nothing else left to do.
   */
  private static final long FLUSH_STEP = 32 << 20;

  private final Path blobsDir;
  private final Path tmpDir;
  private final LockFile gcLock;

  LayoutBlobStore(Path blobsDir, Path tmpDir, LockFile gcLock) {
    this.blobsDir = blobsDir;
    this.tmpDir = tmpDir;
    this.gcLock = gcLock;
  }

  Path path(Digest digest) {
    return blobsDir.resolve(digest.algorithm().id()).resolve(digest.hex());
  }

  @Override
  public boolean has(Digest digest) {
    return Files.isRegularFile(path(digest));
  }

  @Override
  public InputStream open(Digest digest) throws IOException {
    try {
      return Files.newInputStream(path(digest));
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(digest);
    }
  }

  @Override
  public long size(Digest digest) throws IOException {
    try {
      return Files.size(path(digest));
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(digest);
    }
  }

  @Override
  public Blob write(InputStream content, Digest expected, long expectedSize) throws IOException {
    return store(expected, expectedSize, tmp -> copyHashing(content, tmp, expected, expectedSize));
  }

  @Override
  public Blob writeVerified(InputStream content, Digest digest, long size) throws IOException {
    Objects.requireNonNull(digest, "digest");
    if (size < 0) throw new IllegalArgumentException("a verified blob has a known size");
    return store(digest, size, tmp -> copyCounting(content, tmp, digest, size));
  }

  @Override
  public Blob write(BlobProducer producer) throws IOException {
    Objects.requireNonNull(producer, "producer");
    return store(null, -1, tmp -> copyProduced(producer, tmp));
  }

  /** Copies content into a staged file, checking it; returns what was written. */
  @FunctionalInterface
  private interface Staging {
    Blob copyInto(Path tmp) throws IOException;
  }

  private Blob store(Digest expected, long expectedSize, Staging staging) throws IOException {
    if (expected != null && has(expected)) {
      long size = size(expected);
      if (expectedSize < 0 || size == expectedSize) return new Blob(expected, size);
    }
    // A lease keeps a prune from deleting the blob between its rename and the caller's next step.
    try (Lease lease = gcLock.shared()) {
      Path tmp = AtomicFiles.createTemp(tmpDir, "blob-");
      try {
        Blob blob = staging.copyInto(tmp);
        Path target = path(blob.digest());
        Files.createDirectories(target.getParent());
        AtomicFiles.commit(tmp, target);
        return blob;
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static Blob copyHashing(InputStream content, Path tmp, Digest expected, long expectedSize)
      throws IOException {
    DigestAlgorithm algorithm = expected == null ? DigestAlgorithm.SHA256 : expected.algorithm();
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      DigestingOutputStream out =
          new DigestingOutputStream(Channels.newOutputStream(channel), algorithm);
      copyAtMost(content, out, expected, expectedSize);
      out.flush();
      channel.force(true);
      Blob blob = new Blob(out.digest(), out.size());
      boolean sizeOk = expectedSize < 0 || blob.size() == expectedSize;
      boolean digestOk = expected == null || expected.equals(blob.digest());
      if (!sizeOk || !digestOk) {
        throw new BlobMismatchException(expected, expectedSize, blob.digest(), blob.size());
      }
      return blob;
    }
  }

  // Stops as soon as the content exceeds its announced size, rather than filling the disk.
  private static void copyAtMost(
      InputStream content, DigestingOutputStream out, Digest expected, long expectedSize)
      throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    int n;
    while ((n = content.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
      if (expectedSize >= 0 && out.size() > expectedSize) {
        throw new BlobMismatchException(expected, expectedSize, null, out.size());
      }
    }
  }

  private static Blob copyCounting(InputStream content, Path tmp, Digest digest, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      byte[] buffer = new byte[BUFFER_SIZE];
      long count = 0;
      long flushed = 0;
      int n;
      while ((n = content.read(buffer)) >= 0) {
        count += n;
        if (count > size) throw new BlobMismatchException(digest, size, null, count);
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) channel.write(chunk);
        if (count - flushed >= FLUSH_STEP) {
          channel.force(false);
          flushed = count;
        }
      }
      if (count != size) throw new BlobMismatchException(digest, size, null, count);
      channel.force(true);
      return new Blob(digest, size);
    }
  }

  private static Blob copyProduced(BlobProducer producer, Path tmp) throws IOException {
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      CountingOutputStream out = new CountingOutputStream(Channels.newOutputStream(channel));
      OutputStream buffered = new BufferedOutputStream(out, BUFFER_SIZE);
      Blob blob = producer.writeTo(buffered);
      buffered.flush();
      if (out.count != blob.size()) throw new BlobMismatchException(blob.digest(), blob.size(), null, out.count);
      channel.force(true);
      return blob;
    }
  }

  /** Counts what reaches the file, whatever the producer claims. */
  private static final class CountingOutputStream extends FilterOutputStream {
    long count;

    CountingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }

  @Override
  public boolean delete(Digest digest) throws IOException {
    return Files.deleteIfExists(path(digest));
  }

  @Override
  public List<Digest> list() throws IOException {
    List<Digest> digests = new ArrayList<>();
    if (!Files.isDirectory(blobsDir)) return digests;
    try (Stream<Path> algorithms = Files.list(blobsDir)) {
      for (Path dir : algorithms.filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.list(dir)) {
          files.filter(Files::isRegularFile).forEach(f -> addIfDigest(dir, f, digests));
        }
      }
    }
    digests.sort(null);
    return digests;
  }

  // Files that are not named like a digest are not blobs; fsck and prune leave them alone.
  private static void addIfDigest(Path dir, Path file, List<Digest> digests) {
    try {
      digests.add(Digest.parse(dir.getFileName() + ":" + file.getFileName()));
    } catch (InvalidDigestException e) {
      // not a blob
    }
  }
}
