package dev.lade.oci.layer;

import static dev.lade.oci.layer.Entries.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LayerReaderTest {
  @Test
  void readsSubSecondPaxMtimesWrittenByOtherTools() throws Exception {
    TarHeader h = new TarHeader("f", "", TarHeader.REGULAR, 0644, 0, 0, 0, 1, 0, 0,
        new TreeMap<>(Map.of("mtime", "1700000000.25".getBytes(StandardCharsets.US_ASCII))));
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    tar.writeBytes(TarHeaderEncoder.encode(h));
    tar.writeBytes(new byte[1024]);
    LayerEntry.File f = (LayerEntry.File) Entries.read(tar.toByteArray()).get(0).entry();
    assertEquals(Instant.ofEpochSecond(1_700_000_000, 250_000_000), f.metadata().modTime());
  }

  @Test
  void fileContentCannotBeOpenedAfterTheReaderMovesOn() throws Exception {
    byte[] tar = Entries.tar(List.of(file("a", "first"), file("b", "second")));
    try (LayerReader reader = new LayerReader(new ByteArrayInputStream(tar))) {
      LayerEntry.File a = (LayerEntry.File) reader.next();
      LayerEntry.File b = (LayerEntry.File) reader.next();
      assertEquals("second", new String(b.content().open().readAllBytes(), StandardCharsets.UTF_8));
      assertThrows(IOException.class, () -> a.content().open());
      assertNull(reader.next());
    }
  }

  @Test
  void anEntriesOnlyReaderReadsTheSameEntriesButHasNoDiffId() throws Exception {
    byte[] tar = Entries.tar(List.of(file("a", "first"), file("b", "second")));
    try (LayerReader hashing = new LayerReader(new ByteArrayInputStream(tar));
        LayerReader entriesOnly = LayerReader.entriesOnly(new ByteArrayInputStream(tar))) {
      for (String name : List.of("a", "b")) {
        LayerEntry.File expected = (LayerEntry.File) hashing.next();
        LayerEntry.File actual = (LayerEntry.File) entriesOnly.next();
        assertEquals(name, actual.path());
        assertEquals(expected.metadata(), actual.metadata());
        assertEquals(new String(expected.content().open().readAllBytes(), StandardCharsets.UTF_8),
            new String(actual.content().open().readAllBytes(), StandardCharsets.UTF_8));
      }
      assertNull(entriesOnly.next());
      assertEquals(LayerReader.diffId(new ByteArrayInputStream(tar)), hashing.diffId());
      assertThrows(IllegalStateException.class, entriesOnly::diffId);
    }
  }

  @Test
  void corruptHeaderIsReportedWithItsOffset() throws Exception {
    byte[] tar = Entries.tar(List.of(file("a", "x"), file("b", "y")));
    tar[1024 + 3] ^= 1; // second header, inside its name
    IOException e = assertThrows(IOException.class, () -> Entries.read(tar));
    assertTrue(e.getMessage().contains("checksum mismatch at offset 1024"), e.getMessage());
  }

  @Test
  void truncatedLayerIsAnError() throws Exception {
    byte[] tar = Entries.tar(List.of(file("a", "x".repeat(2000))));
    assertThrows(IOException.class, () -> Entries.read(Arrays.copyOf(tar, 1000)));
  }

  @Test
  void theRootDirectoryEntryOfTarDashCDotIsSkipped() throws Exception {
    TarHeader root = new TarHeader("./", "", TarHeader.DIRECTORY, 0755, 0, 0, 0, 1, 0, 0, new TreeMap<>());
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    tar.writeBytes(TarHeaderEncoder.encode(root));
    tar.writeBytes(Entries.tar(List.of(file("etc/hostname", "box"))));
    List<Entries.Read> read = Entries.read(tar.toByteArray());
    assertEquals(List.of("etc/hostname"), read.stream().map(r -> r.entry().path()).toList());
  }
}
