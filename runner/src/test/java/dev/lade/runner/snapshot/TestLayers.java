package dev.lade.runner.snapshot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.image.Compression;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerOptions;
import dev.lade.oci.layer.LayerWriter;
import dev.lade.oci.layer.WrittenLayer;
import dev.lade.oci.store.BlobStore;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.snapshot.fs.Posix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Test helpers: layers written with oci's LayerWriter into a store, and small entries. */
final class TestLayers {
  static final Instant T = Instant.ofEpochSecond(1_700_000_000);

  private TestLayers() {}

  static void assumeRoot() {
    assumeTrue(Posix.isRoot(), "needs root (mknod, chown, trusted.* attributes, mount); run the tests as root");
  }

  static SnapshotLayer store(BlobStore blobs, Compression compression, List<? extends LayerEntry> entries)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WrittenLayer written = new LayerWriter(LayerOptions.defaults().withCompression(compression)).write(entries, out);
    blobs.write(out.toByteArray());
    return new SnapshotLayer(written.diffId(), written.digest());
  }

  static SnapshotLayer store(BlobStore blobs, List<? extends LayerEntry> entries) throws IOException {
    return store(blobs, Compression.GZIP, entries);
  }

  static LayerEntry.File file(String path, String content) {
    return file(path, EntryMetadata.of(0644, 0, 0, T), content);
  }

  static LayerEntry.File file(String path, EntryMetadata m, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new LayerEntry.File(path, m, bytes.length, () -> new ByteArrayInputStream(bytes));
  }

  static LayerEntry.Directory dir(String path) {
    return new LayerEntry.Directory(path, EntryMetadata.of(0755, 0, 0, T));
  }
}
