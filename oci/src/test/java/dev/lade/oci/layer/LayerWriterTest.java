package dev.lade.oci.layer;

import static dev.lade.oci.layer.Entries.T;
import static dev.lade.oci.layer.Entries.dir;
import static dev.lade.oci.layer.Entries.file;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.image.Compression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayerWriterTest {
  @ParameterizedTest
  @EnumSource(Compression.class)
  void sameEntriesInAnyOrderGiveTheSameBlob(Compression compression) throws Exception {
    List<LayerEntry> entries = new ArrayList<>(LayerRoundTripTest.everyKind());
    LayerOptions options = LayerOptions.defaults().withCompression(compression);
    byte[] first = Entries.write(options, entries);
    Collections.shuffle(entries, new Random(7));
    assertArrayEquals(first, Entries.write(options, entries));
  }

  @Test
  void parallelGzipLayersAreTheSameForAnyThreadCount() throws Exception {
    List<LayerEntry> entries = List.of(file("big", "0123456789abcdef".repeat(40_000)), file("small", "s"));
    byte[] one = Entries.write(LayerOptions.defaults().withParallelGzip(1, 64 * 1024), entries);
    assertArrayEquals(one, Entries.write(LayerOptions.defaults().withParallelGzip(4, 64 * 1024), entries));
    assertEquals(Entries.read(Entries.write(LayerOptions.defaults(), entries)).size(), Entries.read(one).size());
  }

  @Test
  void entriesAreWrittenInWalkOrderParentsFirst() throws Exception {
    List<LayerEntry> entries = List.of(file("a.txt", ""), file("a-b", ""), file("a/b", ""), dir("a"), file("B", ""), new LayerEntry.Whiteout("a/0"));
    List<String> order = Entries.read(Entries.tar(entries)).stream().map(r -> r.entry().path()).toList();
    assertEquals(List.of("B", "a", "a/0", "a/b", "a-b", "a.txt"), order);
  }

  @Test
  void sourceDateEpochClampsLaterTimesOnly() throws Exception {
    Instant epoch = Instant.ofEpochSecond(1_600_000_000);
    Instant earlier = Instant.ofEpochSecond(1_500_000_000);
    List<LayerEntry> entries = List.of(
        new LayerEntry.Directory("old", EntryMetadata.of(0755, 0, 0, earlier)),
        new LayerEntry.Directory("new", EntryMetadata.of(0755, 0, 0, T)),
        new LayerEntry.Whiteout("gone", T));
    LayerOptions options = LayerOptions.defaults().withSourceDateEpoch(epoch);
    List<Entries.Read> read = Entries.read(Entries.write(options, entries));
    assertEquals(epoch, ((LayerEntry.Whiteout) read.get(0).entry()).modTime());
    assertEquals(epoch, ((LayerEntry.Directory) read.get(1).entry()).metadata().modTime());
    assertEquals(earlier, ((LayerEntry.Directory) read.get(2).entry()).metadata().modTime());

    List<LayerEntry> later = List.of(entries.get(0), new LayerEntry.Directory("new", EntryMetadata.of(0755, 0, 0, T.plusSeconds(99))), new LayerEntry.Whiteout("gone", T.plusSeconds(5)));
    assertArrayEquals(Entries.write(options, entries), Entries.write(options, later));
    assertNotEquals(new LayerWriter(LayerOptions.defaults()).write(entries, new ByteArrayOutputStream()).digest(),
        new LayerWriter(LayerOptions.defaults()).write(later, new ByteArrayOutputStream()).digest());
  }

  @Test
  void subSecondTimesAreTruncatedAsContainerdDoes() throws Exception {
    Instant precise = Instant.parse("2024-01-01T00:00:00.999999999Z");
    List<LayerEntry> entries = List.of(new LayerEntry.Directory("d", EntryMetadata.of(0755, 0, 0, precise)));
    byte[] tar = Entries.tar(entries);
    assertEquals(512 + 1024, tar.length); // no PAX header for the fraction
    assertEquals(Instant.parse("2024-01-01T00:00:00Z"), ((LayerEntry.Directory) Entries.read(tar).get(0).entry()).metadata().modTime());
  }

  @Test
  void gzipLayersStartWithGoHeaderBytes() throws Exception {
    byte[] gz = Entries.write(LayerOptions.defaults(), List.of(file("a", "a")));
    assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}, java.util.Arrays.copyOf(gz, 10));
  }

  @Test
  void hardLinkMustPointToAnEarlierEntry() {
    List<LayerEntry> entries = List.of(new LayerEntry.Hardlink("a", "b", EntryMetadata.root(0644)), file("b", "b"));
    InvalidLayerEntryException e = assertThrows(InvalidLayerEntryException.class, () -> Entries.tar(entries));
    assertEquals("a", e.path());
  }

  @Test
  void hardLinkToADirectoryOrAWhiteoutIsRefused() {
    EntryMetadata m = EntryMetadata.root(0644);
    assertThrows(InvalidLayerEntryException.class, () -> Entries.tar(List.of(dir("a"), new LayerEntry.Hardlink("b", "a", m))));
    assertThrows(InvalidLayerEntryException.class,
        () -> Entries.tar(List.of(new LayerEntry.Whiteout("a"), new LayerEntry.Hardlink("b", "a", m))));
  }

  @Test
  void duplicatePathsAreRefused() {
    assertThrows(InvalidLayerEntryException.class, () -> Entries.tar(List.of(file("a", "1"), dir("a"))));
  }

  @Test
  void contentOfTheWrongLengthIsRefused() {
    LayerEntry.File shorter = new LayerEntry.File("f", EntryMetadata.root(0644), 10, () -> new ByteArrayInputStream(new byte[3]));
    LayerEntry.File longer = new LayerEntry.File("f", EntryMetadata.root(0644), 1, () -> new ByteArrayInputStream(new byte[3]));
    assertTrue(assertThrows(InvalidLayerEntryException.class, () -> Entries.tar(List.of(shorter))).getMessage().contains("short"));
    assertTrue(assertThrows(InvalidLayerEntryException.class, () -> Entries.tar(List.of(longer))).getMessage().contains("longer"));
  }

  @Test
  void dockerMediaTypeOnRequest() throws Exception {
    WrittenLayer layer = new LayerWriter(LayerOptions.defaults().withDockerMediaType(true)).write(List.of(), new ByteArrayOutputStream());
    assertEquals("application/vnd.docker.image.rootfs.diff.tar.gzip", layer.mediaType().value());
  }

  @Test
  void emptyLayerHasDockersWellKnownEmptyDiffId() throws Exception {
    // The diff ID Docker and BuildKit give every empty layer (1024 zero bytes).
    WrittenLayer layer = LayerWriter.defaults().write(List.of(), new ByteArrayOutputStream());
    assertEquals("sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef", layer.diffId().toString());
  }
}
