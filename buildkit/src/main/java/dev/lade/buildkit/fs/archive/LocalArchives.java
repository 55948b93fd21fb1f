package dev.lade.buildkit.fs.archive;

import com.github.luben.zstd.ZstdInputStream;
import dev.lade.oci.layer.ContentSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Decides, as BuildKit's {@code isArchivePath} does, whether ADD unpacks a local file: by content,
 * never by name. The file is an archive when, after undoing a gzip, bzip2, xz or zstd compression
 * recognised by its magic bytes, it starts with a tar header whose checksum is right (Go's
 * {@code tar.Reader.Next} succeeds).
 */
public final class LocalArchives {
  private static final int BLOCK = 512;

  private LocalArchives() {}

  /** The archive's format, or empty when the content is not a tar archive (then ADD copies it). */
  public static Optional<ArchiveFormat> detect(ContentSource content) throws IOException {
    try (InputStream in = new BufferedInputStream(content.open(), 64 * 1024)) {
      in.mark(8);
      byte[] head = in.readNBytes(6);
      in.reset();
      ArchiveFormat format = ArchiveFormat.sniff(head);
      byte[] block;
      try (InputStream tar = decompress(format, in)) {
        block = tar.readNBytes(BLOCK);
      } catch (IOException corrupt) {
        return Optional.empty();
      }
      return block.length == BLOCK && TarHeaderCheck.valid(block) ? Optional.of(format) : Optional.empty();
    }
  }

  /** The tar stream inside {@code content}. */
  public static InputStream openTar(ContentSource content, ArchiveFormat format) throws IOException {
    return decompress(format, new BufferedInputStream(content.open(), 64 * 1024));
  }

  private static InputStream decompress(ArchiveFormat format, InputStream in) throws IOException {
    return switch (format) {
      case TAR -> in;
      case GZIP -> new GZIPInputStream(in, 64 * 1024);
      case BZIP2 -> new BZip2CompressorInputStream(in, true);
      case ZSTD -> new ZstdInputStream(in);
      case XZ -> new XZCompressorInputStream(in, true); // concatenated streams, as xz -d
    };
  }
}
