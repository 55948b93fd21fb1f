package dev.lade.registry.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content of a blob to upload, readable again from any offset: uploads that fail midway resume
 * where the registry says it got to, or start over.
 */
@FunctionalInterface
public interface BlobSource {

  /** A fresh stream of the content from byte {@code offset} on. */
  InputStream open(long offset) throws IOException;

  /** The content of a file. */
  static BlobSource of(Path file) {
    return offset -> {
      SeekableByteChannel channel = Files.newByteChannel(file);
      channel.position(offset);
      return Channels.newInputStream(channel);
    };
  }

  /** Bytes in memory (small blobs such as configs). */
  static BlobSource of(byte[] bytes) {
    byte[] copy = bytes.clone();
    return offset -> new ByteArrayInputStream(copy, (int) Math.min(offset, copy.length), copy.length);
  }
}
