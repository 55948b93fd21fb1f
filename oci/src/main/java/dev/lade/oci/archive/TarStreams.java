package dev.lade.oci.archive;

import dev.lade.oci.image.Compression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** Opening tars that may be compressed, and telling compression from a stream's first bytes. */
final class TarStreams {
  private TarStreams() {}

  /** Opens {@code file} as a tar, decompressing gzip or zstd. */
  static TarArchiveInputStream openTar(Path file) throws IOException {
    return new TarArchiveInputStream(decompressed(Files.newInputStream(file)));
  }

  /** {@code in}, decompressed if it starts with a gzip or zstd header. */
  static InputStream decompressed(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
    return switch (sniff(buffered)) {
      case NONE -> buffered;
      case GZIP -> new GzipCompressorInputStream(buffered, true);
      case ZSTD -> new ZstdCompressorInputStream(buffered);
    };
  }

  /** The compression of a buffered stream, which is left where it was. */
  static Compression sniff(BufferedInputStream in) throws IOException {
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) return Compression.GZIP;
    if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
      return Compression.ZSTD;
    }
    return Compression.NONE;
  }

  /** An entry name without a leading {@code ./} or {@code /}. */
  static String clean(String name) {
    String n = name;
    while (n.startsWith("./")) n = n.substring(2);
    while (n.startsWith("/")) n = n.substring(1);
    return n;
  }
}
