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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The checksum a COPY or ADD's cache key is built from: every entry the step writes, by path,
 * type, mode, owner, link target, extended attributes and content digest, in layer order.
 * Modification times are left out, as BuildKit's content checksums leave them out, so touching a
 * file without changing it keeps the cache. File contents are hashed in parallel, each on a
 * virtual thread (at most {@link #OPEN_FILES} files open at once): the hashing itself is spread
 * over the cores by the virtual threads' scheduler, and reads that block do not hold a core.
 */
public final class InputChecksum {
  private static final int OPEN_FILES = 64;

  private InputChecksum() {}

  public static Digest of(Collection<LayerEntry> entries) throws IOException {
    List<LayerEntry> ordered = List.copyOf(entries);
    List<Future<byte[]>> contents = hashContents(ordered);
    MessageDigest sum = DigestAlgorithm.SHA256.newMessageDigest();
    for (int i = 0; i < ordered.size(); i++) {
      LayerEntry entry = ordered.get(i);
      StringBuilder line = new StringBuilder();
      line.append(kind(entry)).append(' ').append(entry.path()).append('\0');
      metadata(entry).ifPresent(m -> line.append(Integer.toOctalString(m.mode())).append(' ')
          .append(m.uid()).append(':').append(m.gid()));
      switch (entry) {
        case LayerEntry.Symlink s -> line.append(" -> ").append(s.target());
        case LayerEntry.Hardlink h -> line.append(" => ").append(h.target());
        case LayerEntry.CharDevice d -> line.append(' ').append(d.major()).append(',').append(d.minor());
        case LayerEntry.BlockDevice d -> line.append(' ').append(d.major()).append(',').append(d.minor());
        default -> { }
      }
      sum.update(line.append('\0').toString().getBytes(StandardCharsets.UTF_8));
      metadata(entry).ifPresent(m -> xattrs(sum, m));
      if (contents.get(i) != null) sum.update(await(contents.get(i)));
    }
    return new Digest(DigestAlgorithm.SHA256, java.util.HexFormat.of().formatHex(sum.digest()));
  }

  private static List<Future<byte[]>> hashContents(List<LayerEntry> entries) {
    List<Future<byte[]>> out = new ArrayList<>(entries.size());
    Semaphore open = new Semaphore(OPEN_FILES);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (LayerEntry entry : entries) {
        out.add(entry instanceof LayerEntry.File file ? threads.submit(() -> hash(file, open)) : null);
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

  private static void xattrs(MessageDigest sum, EntryMetadata m) {
    for (Map.Entry<String, byte[]> x : m.xattrs().entrySet()) {
      sum.update(x.getKey().getBytes(StandardCharsets.UTF_8));
      sum.update((byte) 0);
      sum.update(x.getValue());
    }
  }

  private static String kind(LayerEntry entry) {
    return switch (entry) {
      case LayerEntry.File f -> "file";
      case LayerEntry.Directory d -> "dir";
      case LayerEntry.Symlink s -> "symlink";
      case LayerEntry.Hardlink h -> "hardlink";
      case LayerEntry.CharDevice c -> "char";
      case LayerEntry.BlockDevice b -> "block";
      case LayerEntry.Fifo f -> "fifo";
      case LayerEntry.Whiteout w -> "whiteout";
      case LayerEntry.OpaqueDirectory o -> "opaque";
    };
  }

  private static java.util.Optional<EntryMetadata> metadata(LayerEntry entry) {
    return java.util.Optional.ofNullable(switch (entry) {
      case LayerEntry.File f -> f.metadata();
      case LayerEntry.Directory d -> d.metadata();
      case LayerEntry.Symlink s -> s.metadata();
      case LayerEntry.Hardlink h -> h.metadata();
      case LayerEntry.CharDevice c -> c.metadata();
      case LayerEntry.BlockDevice b -> b.metadata();
      case LayerEntry.Fifo f -> f.metadata();
      case LayerEntry.Whiteout w -> null;
      case LayerEntry.OpaqueDirectory o -> null;
    });
  }
}
