package dev.lade.oci.layer;

import com.github.luben.zstd.ZstdInputStream;
import dev.lade.oci.image.Compression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Recognises a layer's compression by its magic bytes and undoes it. */
public final class Decompression {
  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

  private Decompression() {}

  /** The compression {@code in} starts with; {@code in} must support mark and reset. */
  public static Compression detect(InputStream in) throws IOException {
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    if (startsWith(head, ZSTD_MAGIC)) return Compression.ZSTD;
    if (startsWith(head, GZIP_MAGIC)) return Compression.GZIP;
    return Compression.NONE;
  }

  /** The uncompressed content of {@code blob}, whatever its compression. */
  public static InputStream decompress(InputStream blob) throws IOException {
    InputStream in = blob.markSupported() ? blob : new BufferedInputStream(blob, 64 * 1024);
    return switch (detect(in)) {
      case NONE -> in;
      // GZIPInputStream reads concatenated members too, as Go's gzip reader does.
      case GZIP -> new GZIPInputStream(in, 64 * 1024);
      case ZSTD -> new ZstdInputStream(in);
    };
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) return false;
    for (int i = 0; i < magic.length; i++) if (head[i] != magic[i]) return false;
    return true;
  }
}
