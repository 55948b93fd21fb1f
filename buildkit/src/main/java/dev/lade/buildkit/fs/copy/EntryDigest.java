package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.HashedContent;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.digest.DigestAlgorithm;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * A SHA-256 over labels and file entries in the order they are added: each entry by path, type,
 * mode, owner, link target, device numbers, extended attributes and content digest. Modification
 * times are left out, as BuildKit's content checksums leave them out, so touching a file without
 * changing it keeps the cache.
 *
 * <p>Contents are hashed when the digest is asked for. Beyond {@link #PARALLEL_FROM} files they are
 * hashed in parallel, each on a virtual thread (at most {@link #OPEN_FILES} open at once), so the
 * hashing spreads over the cores and blocking reads hold none; a few files (a rebuild whose context
 * checksums are remembered costs a lookup each) are hashed in turn, without starting threads.
 */
final class EntryDigest {
  private static final int OPEN_FILES = 64;
  private static final int PARALLEL_FROM = 16;

  /** What was added, in order: a {@code byte[]} to hash as is, or a file whose content to hash. */
  private final List<Object> parts = new ArrayList<>();
  private int files;

  /** Adds a label, such as an option's value; labels are length-prefixed so they cannot run together. */
  EntryDigest label(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    parts.add((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
    parts.add(bytes);
    return this;
  }

  /** Adds an entry: its description now, its content (for a regular file) when the digest is made. */
  EntryDigest entry(LayerEntry entry) {
    Description d = describe(entry);
    EntryMetadata m = d.metadata();
    StringBuilder line = new StringBuilder();
    line.append(d.kind()).append(' ').append(entry.path()).append('\0');
    if (m != null) line.append(Integer.toOctalString(m.mode())).append(' ').append(m.uid()).append(':').append(m.gid());
    parts.add(line.append(d.extra()).append('\0').toString().getBytes(StandardCharsets.UTF_8));
    if (m != null) {
      for (Map.Entry<String, byte[]> x : m.xattrs().entrySet()) {
        parts.add((x.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
        parts.add(x.getValue());
      }
    }
    if (entry instanceof LayerEntry.File file) {
      parts.add(file);
      files++;
    }
    return this;
  }

  /** An entry's type, metadata (null for whiteouts) and what else of it lands in the layer. */
  private record Description(String kind, EntryMetadata metadata, String extra) {}

  // One switch for all three: each switch site over types costs a generated class on first use.
  private static Description describe(LayerEntry entry) {
    return switch (entry) {
      case LayerEntry.File f -> new Description("file", f.metadata(), "");
      case LayerEntry.Directory d -> new Description("dir", d.metadata(), "");
      case LayerEntry.Symlink s -> new Description("symlink", s.metadata(), " -> " + s.target());
      case LayerEntry.Hardlink h -> new Description("hardlink", h.metadata(), " => " + h.target());
      case LayerEntry.CharDevice c -> new Description("char", c.metadata(), " " + c.major() + "," + c.minor());
      case LayerEntry.BlockDevice b -> new Description("block", b.metadata(), " " + b.major() + "," + b.minor());
      case LayerEntry.Fifo f -> new Description("fifo", f.metadata(), "");
      case LayerEntry.Whiteout w -> new Description("whiteout", null, "");
      case LayerEntry.OpaqueDirectory o -> new Description("opaque", null, "");
    };
  }

  /** The digest of everything added, reading (or looking up) the files' contents now. */
  Digest digest() throws IOException {
    List<Future<byte[]>> hashed = files >= PARALLEL_FROM ? hashInParallel() : null;
    MessageDigest sum = DigestAlgorithm.SHA256.newMessageDigest();
    int file = 0;
    for (Object part : parts) {
      if (part instanceof byte[] bytes) {
        sum.update(bytes);
      } else {
        sum.update(hashed != null ? await(hashed.get(file++)) : hash((LayerEntry.File) part));
      }
    }
    return new Digest(DigestAlgorithm.SHA256, HexFormat.of().formatHex(sum.digest()));
  }

  private List<Future<byte[]>> hashInParallel() {
    List<Future<byte[]>> out = new ArrayList<>(files);
    Semaphore open = new Semaphore(OPEN_FILES);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Object part : parts) {
        if (part instanceof LayerEntry.File file) out.add(threads.submit(() -> hash(file, open)));
      }
    }
    return out;
  }

  private static byte[] hash(LayerEntry.File file, Semaphore open) throws IOException, InterruptedException {
    open.acquire();
    try {
      return hash(file);
    } finally {
      open.release();
    }
  }

  private static byte[] hash(LayerEntry.File file) throws IOException {
    if (file.content() instanceof HashedContent hashed) return hashed.sha256();
    MessageDigest md = DigestAlgorithm.SHA256.newMessageDigest();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = file.content().open()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
        total += n;
      }
    }
    if (total != file.size()) {
      throw new IOException("/" + file.path() + " changed while it was read (" + total + " bytes, expected "
          + file.size() + ")");
    }
    return md.digest();
  }

  private static byte[] await(Future<byte[]> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while hashing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
      throw new IOException(e.getCause());
    }
  }
}
