package dev.lade.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.lade.oci.image.Compression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: small entries and reading a layer back with content. */
final class Entries {
  static final Instant T = Instant.ofEpochSecond(1_700_000_000);

  private Entries() {}

  static LayerEntry.File file(String path, String content) {
    return file(path, 0644, content);
  }

  static LayerEntry.File file(String path, int mode, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new LayerEntry.File(path, EntryMetadata.of(mode, 0, 0, T), bytes.length, () -> new ByteArrayInputStream(bytes));
  }

  static LayerEntry.Directory dir(String path) {
    return new LayerEntry.Directory(path, EntryMetadata.of(0755, 0, 0, T));
  }

  static byte[] write(LayerOptions options, List<? extends LayerEntry> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new LayerWriter(options).write(entries, out);
    return out.toByteArray();
  }

  static byte[] tar(List<? extends LayerEntry> entries) throws IOException {
    return write(LayerOptions.defaults().withCompression(Compression.NONE), entries);
  }

  /** An entry read back, with a file's content captured before the reader moves on. */
  record Read(LayerEntry entry, byte[] content) {}

  static List<Read> read(byte[] blob) throws IOException {
    List<Read> result = new ArrayList<>();
    try (LayerReader reader = new LayerReader(new ByteArrayInputStream(blob))) {
      for (LayerEntry e = reader.next(); e != null; e = reader.next()) {
        byte[] content = null;
        if (e instanceof LayerEntry.File f) {
          try (InputStream in = f.content().open()) {
            content = in.readAllBytes();
          }
        }
        result.add(new Read(e, content));
      }
    }
    return result;
  }

  /** Asserts that {@code actual} is {@code expected}, comparing files by content. */
  static void assertSameEntry(LayerEntry expected, Read actual) throws IOException {
    if (expected instanceof LayerEntry.File f) {
      LayerEntry.File a = assertInstanceOf(LayerEntry.File.class, actual.entry());
      assertEquals(f.path(), a.path());
      assertEquals(f.metadata(), a.metadata());
      assertEquals(f.size(), a.size());
      try (InputStream in = f.content().open()) {
        assertArrayEquals(in.readAllBytes(), actual.content(), f.path());
      }
    } else {
      assertEquals(expected, actual.entry());
    }
  }
}
