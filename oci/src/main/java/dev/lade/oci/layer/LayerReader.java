package dev.lade.oci.layer;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.digest.DigestingInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a layer blob (gzip, zstd or plain, recognised by its magic bytes) entry by entry, as the
 * same {@link LayerEntry} types the writer takes; {@code .wh.} files come back as {@link
 * LayerEntry.Whiteout} and {@link LayerEntry.OpaqueDirectory}. A file's content can be opened only
 * until the next call to {@link #next()}. Reads USTAR, PAX and GNU long names.
 */
public final class LayerReader implements Closeable {
  private static final String XATTR = "SCHILY.xattr.";

  private final InputStream blob;
  private final InputStream tar;
  /** The tar as read so far, hashed; null for a reader that does not compute the diff ID. */
  private final DigestingInputStream hashed;
  private final byte[] block = new byte[TarBlock.SIZE];
  private EntryContentStream current;
  private long currentPadding;
  private long offset;
  private boolean ended;

  /** Reads {@code blob}, which this reader closes, hashing the tar for {@link #diffId()}. */
  public LayerReader(InputStream blob) throws IOException {
    this(blob, true);
  }

  private LayerReader(InputStream blob, boolean hashing) throws IOException {
    this.blob = blob;
    InputStream decompressed = Decompression.decompress(blob);
    this.hashed = hashing ? new DigestingInputStream(decompressed) : null;
    this.tar = hashing ? hashed : decompressed;
  }

  /**
   * A reader of {@code blob} (which it closes) for callers that want the entries only: it does not
   * hash the tar, which cost a no-op rebuild a fifth of its time indexing its base image's layers.
   * Its {@link #diffId()} throws.
   */
  public static LayerReader entriesOnly(InputStream blob) throws IOException {
    return new LayerReader(blob, false);
  }

  /** The diff ID of a layer blob: the SHA-256 of its uncompressed tar. Reads to the end; does not close. */
  public static Digest diffId(InputStream blob) throws IOException {
    DigestingInputStream tar = new DigestingInputStream(Decompression.decompress(blob));
    tar.transferTo(OutputStream.nullOutputStream());
    return tar.digest();
  }

  /** The next entry, or null after the last. An entry for the root directory itself is skipped. */
  public LayerEntry next() throws IOException {
    if (ended) return null;
    skipCurrent();
    Map<String, byte[]> pax = new TreeMap<>();
    String longName = null;
    String longLink = null;
    while (true) {
      if (!readBlock()) return end();
      if (isZero(block)) return end();
      RawTarHeader h = RawTarHeader.parse(block, offset - TarBlock.SIZE);
      switch (h.type()) {
        case TarHeader.PAX -> pax.putAll(PaxRecords.parse(readData(h.size())));
        case TarHeader.PAX_GLOBAL -> readData(h.size()); // no global defaults in layers
        case TarHeader.GNU_LONGNAME -> longName = RawTarHeader.string(readData(h.size()), 0, (int) h.size());
        case TarHeader.GNU_LONGLINK -> longLink = RawTarHeader.string(readData(h.size()), 0, (int) h.size());
        default -> {
          LayerEntry entry = entry(h, pax, longName, longLink);
          if (entry != null) return entry;
          pax.clear();
          longName = null;
          longLink = null;
        }
      }
    }
  }

  /**
   * The diff ID of the layer; reads the rest of the tar first.
   *
   * @throws IllegalStateException for a reader made by {@link #entriesOnly}
   */
  public Digest diffId() throws IOException {
    if (hashed == null) throw new IllegalStateException("this layer reader does not hash the tar");
    while (next() != null) {}
    tar.transferTo(OutputStream.nullOutputStream());
    return hashed.digest();
  }

  @Override
  public void close() throws IOException {
    blob.close();
  }

  private LayerEntry entry(RawTarHeader h, Map<String, byte[]> pax, String longName, String longLink)
      throws IOException {
    String name = text(pax, "path", longName != null ? longName : h.name());
    String link = text(pax, "linkpath", longLink != null ? longLink : h.linkName());
    long size = number(pax, "size", h.size());
    String path = clean(name);
    if (path.isEmpty() || path.equals(".")) {
      // The root itself ("./", as tar -C DIR . writes it): a layer cannot replace the root.
      skip(size);
      return null;
    }
    TreeMap<String, byte[]> xattrs = new TreeMap<>();
    pax.forEach((k, v) -> { if (k.startsWith(XATTR)) xattrs.put(k.substring(XATTR.length()), v); });
    EntryMetadata m = new EntryMetadata((int) (h.mode() & 07777), number(pax, "uid", h.uid()),
        number(pax, "gid", h.gid()), modTime(pax, h.modTime()), xattrs);
    boolean regular = h.type() == TarHeader.REGULAR || h.type() == 0 || h.type() == '7';
    String base = LayerPaths.name(path);
    if (regular && base.startsWith(LayerPaths.WHITEOUT_PREFIX)) {
      skip(size);
      if (base.equals(LayerPaths.OPAQUE_MARKER)) {
        return new LayerEntry.OpaqueDirectory(LayerPaths.parent(path), m.modTime());
      }
      String deleted = base.substring(LayerPaths.WHITEOUT_PREFIX.length());
      return new LayerEntry.Whiteout(LayerPaths.sibling(path, deleted), m.modTime());
    }
    if (regular) {
      EntryContentStream content = new EntryContentStream(tar, size);
      current = content;
      currentPadding = TarBlock.padding(size);
      offset += size + currentPadding;
      return new LayerEntry.File(path, m, size, () -> {
        if (current != content) throw new IOException(path + ": content read after the reader moved on");
        return content;
      });
    }
    skip(size);
    return switch (h.type()) {
      case TarHeader.DIRECTORY -> new LayerEntry.Directory(path, m);
      case TarHeader.SYMLINK -> new LayerEntry.Symlink(path, link, m);
      case TarHeader.HARDLINK -> new LayerEntry.Hardlink(path, clean(link), m);
      case TarHeader.CHAR -> new LayerEntry.CharDevice(path, m, h.devMajor(), h.devMinor());
      case TarHeader.BLOCK -> new LayerEntry.BlockDevice(path, m, h.devMajor(), h.devMinor());
      case TarHeader.FIFO -> new LayerEntry.Fifo(path, m);
      default -> throw new IOException(path + ": unsupported tar entry type '" + (char) h.type() + "'");
    };
  }

  private LayerEntry end() {
    ended = true;
    return null;
  }

  private void skipCurrent() throws IOException {
    if (current == null) return;
    current.drain();
    tar.skipNBytes(currentPadding);
    current = null;
  }

  private boolean readBlock() throws IOException {
    int n = tar.readNBytes(block, 0, TarBlock.SIZE);
    if (n == 0) return false;
    if (n < TarBlock.SIZE) throw new IOException("layer tar truncated at offset " + offset);
    offset += TarBlock.SIZE;
    return true;
  }

  private byte[] readData(long size) throws IOException {
    if (size > (1 << 20)) throw new IOException("tar extended header of " + size + " bytes is too large");
    byte[] data = tar.readNBytes((int) size);
    if (data.length < size) throw new IOException("layer tar truncated at offset " + offset);
    tar.skipNBytes(TarBlock.padding(size));
    offset += size + TarBlock.padding(size);
    return data;
  }

  private void skip(long size) throws IOException {
    long total = size + TarBlock.padding(size);
    tar.skipNBytes(total);
    offset += total;
  }

  private static String clean(String name) {
    String path = name;
    while (path.startsWith("./")) path = path.substring(2);
    while (path.startsWith("/")) path = path.substring(1);
    while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
    return path;
  }

  private static String text(Map<String, byte[]> pax, String key, String fallback) {
    byte[] v = pax.get(key);
    return v == null ? fallback : new String(v, StandardCharsets.UTF_8);
  }

  private static long number(Map<String, byte[]> pax, String key, long fallback) throws IOException {
    byte[] v = pax.get(key);
    if (v == null) return fallback;
    try {
      return Long.parseLong(new String(v, StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      throw new IOException("invalid PAX " + key + " record", e);
    }
  }

  private static Instant modTime(Map<String, byte[]> pax, long fallback) throws IOException {
    byte[] v = pax.get("mtime");
    if (v == null) return Instant.ofEpochSecond(fallback);
    try {
      BigDecimal seconds = new BigDecimal(new String(v, StandardCharsets.US_ASCII));
      long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
      long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole, nanos);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IOException("invalid PAX mtime record", e);
    }
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) if (x != 0) return false;
    return true;
  }
}
