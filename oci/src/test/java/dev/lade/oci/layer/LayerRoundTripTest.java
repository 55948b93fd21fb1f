package dev.lade.oci.layer;

import static dev.lade.oci.layer.Entries.T;
import static dev.lade.oci.layer.Entries.dir;
import static dev.lade.oci.layer.Entries.file;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Compression;
import dev.lade.oci.image.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayerRoundTripTest {
  // A security.capability value granting cap_net_bind_service (binary, not UTF-8).
  static final byte[] CAPABILITY = HexFormat.of().parseHex("0100000200040000000000000000000000000000");

  static List<LayerEntry> everyKind() {
    String longDir = "d".repeat(120);
    return List.of(
        dir("etc"),
        file("etc/hostname", "lade\n"),
        new LayerEntry.File("usr/bin/ping", EntryMetadata.of(04755, 0, 0, T).withXattr("security.capability", CAPABILITY), 4,
            () -> new ByteArrayInputStream(new byte[] {1, 2, 3, 4})),
        dir("usr"),
        dir("usr/bin"),
        new LayerEntry.Directory("tmp", EntryMetadata.of(01777, 0, 0, T)),
        new LayerEntry.Symlink("usr/bin/sh", "/bin/busybox", EntryMetadata.of(0777, 0, 0, T)),
        new LayerEntry.Hardlink("usr/bin/ping6", "usr/bin/ping", EntryMetadata.of(04755, 0, 0, T)),
        new LayerEntry.CharDevice("dev/null", EntryMetadata.of(0666, 0, 0, T), 1, 3),
        new LayerEntry.BlockDevice("dev/sda", EntryMetadata.of(0660, 0, 6, T), 8, 0),
        new LayerEntry.Fifo("run/initctl", EntryMetadata.of(0600, 0, 0, T)),
        new LayerEntry.Whiteout("var/cache/apt"),
        new LayerEntry.OpaqueDirectory("opt"),
        dir("opt"),
        file(longDir + "/" + "f".repeat(90), "long"),
        file("x".repeat(300), "very long"),
        file("données/été.txt", "non-ascii"),
        new LayerEntry.File("home/user/.profile", EntryMetadata.of(0640, 3_000_000, 5_000_000, T), 0, () -> new ByteArrayInputStream(new byte[0])),
        file("setgid", 02755, "g"));
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void writtenEntriesReadBackInLayerOrder(Compression compression) throws Exception {
    List<LayerEntry> entries = everyKind();
    byte[] blob = Entries.write(LayerOptions.defaults().withCompression(compression), entries);
    List<Entries.Read> read = Entries.read(blob);
    List<LayerEntry> expected = LayerOrder.sort(entries);
    assertEquals(expected.size(), read.size());
    for (int i = 0; i < expected.size(); i++) Entries.assertSameEntry(expected.get(i), read.get(i));
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void resultDescribesTheBlobAndItsTar(Compression compression) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WrittenLayer layer = new LayerWriter(LayerOptions.defaults().withCompression(compression)).write(everyKind(), out);
    byte[] blob = out.toByteArray();
    assertEquals(Digest.sha256(blob), layer.digest());
    assertEquals(blob.length, layer.size());
    assertEquals(Digest.sha256(Entries.tar(everyKind())), layer.diffId());
    assertEquals(layer.diffId(), LayerReader.diffId(new ByteArrayInputStream(blob)));
    assertEquals(MediaType.layer(compression, false), layer.mediaType());
    try (LayerReader reader = new LayerReader(new ByteArrayInputStream(blob))) {
      reader.next();
      assertEquals(layer.diffId(), reader.diffId());
    }
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void compressionIsRecognisedByMagicBytes(Compression compression) throws Exception {
    byte[] blob = Entries.write(LayerOptions.defaults().withCompression(compression), List.of(file("a", "a")));
    assertEquals(compression, Decompression.detect(new ByteArrayInputStream(blob)));
    assertEquals("a", new String(Entries.read(blob).get(0).content(), StandardCharsets.UTF_8));
  }
}
