package dev.lade.runner.snapshot;

import static dev.lade.runner.snapshot.TestLayers.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.LayerReader;
import dev.lade.oci.store.Blob;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.runner.snapshot.extract.ChainId;
import dev.lade.runner.snapshot.extract.ExtractedLayers;
import dev.lade.runner.snapshot.extract.LayerExtractor;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.snapshot.extract.UnsafeLayerEntryException;
import dev.lade.runner.snapshot.fs.IdMapping;
import dev.lade.runner.snapshot.fs.OverlayFormat;
import dev.lade.runner.snapshot.fs.Owners;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken layers: nothing is written outside the snapshot, and nothing half-done shows. */
class ExtractionSafetyTest {
  @TempDir Path tmp;
  OciLayoutStore store;
  ExtractedLayers layers;
  Path outside;

  @BeforeEach
  void setUp() throws Exception {
    TestLayers.assumeRoot();
    store = OciLayoutStore.open(tmp.resolve("store"));
    Owners owners = new Owners(IdMapping.identity(), true);
    layers = new ExtractedLayers(tmp.resolve("snapshots"), store.blobs(), new LayerExtractor(OverlayFormat.PRIVILEGED, owners, true));
    outside = Files.createDirectory(tmp.resolve("outside"));
  }

  @Test
  void dotDotNamesAreRejected() throws Exception {
    SnapshotLayer layer = raw(List.of(regular("../../escaped", "x")));

    var e = assertThrows(UnsafeLayerEntryException.class, () -> layers.ensure(List.of(layer)));

    assertTrue(e.getMessage().contains("\"../../escaped\""), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("escaped")));
    assertNothingVisible(layer);
  }

  @Test
  void writingThroughASymlinkedParentIsRejected() throws Exception {
    SnapshotLayer layer = raw(List.of(symlink("evil", outside.toString()), regular("evil/pwned", "x")));

    var e = assertThrows(UnsafeLayerEntryException.class, () -> layers.ensure(List.of(layer)));

    assertEquals("layer " + layer.blob() + ": entry \"evil/pwned\" has a symbolic link as parent (\"evil\")", e.getMessage());
    assertEquals(0, outside.toFile().list().length);
    assertNothingVisible(layer);
  }

  @Test
  void hardLinksOutOfTheRootAreRejected() throws Exception {
    Files.writeString(outside.resolve("secret"), "s");
    SnapshotLayer viaDots = raw(List.of(hardlink("h", "../../outside/secret")));
    SnapshotLayer viaSymlink = raw(List.of(symlink("s", outside.toString()), hardlink("h", "s/secret")));

    assertThrows(UnsafeLayerEntryException.class, () -> layers.ensure(List.of(viaDots)));
    var e = assertThrows(UnsafeLayerEntryException.class, () -> layers.ensure(List.of(viaSymlink)));

    assertTrue(e.getMessage().contains("symbolic link as parent"), e.getMessage());
    assertEquals(1, Files.readAttributes(outside.resolve("secret"), "unix:nlink").get("nlink"));
  }

  @Test
  void absoluteNamesStayInsideTheRoot() throws Exception {
    SnapshotLayer layer = raw(List.of(regular("/abs/file", "inside")));

    Path fs = layers.ensure(List.of(layer)).get(0);

    assertEquals(6, Files.size(fs.resolve("abs/file")));
  }

  @Test
  void aTruncatedBlobLeavesNothingVisible() throws Exception {
    SnapshotLayer full = TestLayers.store(store.blobs(), List.of(file("a", "a".repeat(100_000)), file("b", "b")));
    byte[] blob = store.blobs().open(full.blob()).readAllBytes();
    Blob cut = store.blobs().write(Arrays.copyOf(blob, blob.length / 2));
    SnapshotLayer truncated = new SnapshotLayer(full.diffId(), cut.digest());

    assertThrows(IOException.class, () -> layers.ensure(List.of(truncated)));

    assertNothingVisible(truncated);
  }

  @Test
  void aDiffIdMismatchLeavesNothingVisible() throws Exception {
    SnapshotLayer good = TestLayers.store(store.blobs(), List.of(file("a", "a")));
    SnapshotLayer lying = new SnapshotLayer(Digest.sha256("other".getBytes(StandardCharsets.UTF_8)), good.blob());

    var e = assertThrows(IOException.class, () -> layers.ensure(List.of(lying)));

    assertEquals("layer " + good.blob() + ": its diff ID is " + good.diffId() + ", but the image says " + lying.diffId(), e.getMessage());
    assertNothingVisible(lying);
  }

  @Test
  void leftoversOfAKilledExtractionAreCleanedUp() throws Exception {
    SnapshotLayer layer = TestLayers.store(store.blobs(), List.of(file("a", "a")));
    Path leftover = tmp.resolve("snapshots/tmp/" + layer.diffId().hex() + "-crashed/fs");
    Files.createDirectories(leftover);
    Files.writeString(leftover.resolve("half"), "written");

    assertEquals(1, layers.cleanupStale());

    assertFalse(Files.exists(leftover.getParent()));
    assertEquals("a", Files.readString(layers.ensure(List.of(layer)).get(0).resolve("a")));
  }

  private void assertNothingVisible(SnapshotLayer layer) throws IOException {
    Digest chainId = ChainId.of(List.of(layer.diffId())).get(0);
    assertFalse(Files.exists(layers.directory(chainId).getParent()), "no snapshot directory for the layer");
    assertEquals(0, tmp.resolve("snapshots/tmp").toFile().list().length, "no staging directory left");
  }

  /** A layer written with commons-compress, which (unlike LayerWriter) writes any name. */
  private SnapshotLayer raw(List<TarArchiveEntry> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (TarArchiveEntry e : entries) {
        tar.putArchiveEntry(e);
        if (e.isFile()) tar.write(new byte[(int) e.getSize()]);
        tar.closeArchiveEntry();
      }
    }
    byte[] bytes = out.toByteArray();
    Blob blob = store.blobs().write(bytes);
    return new SnapshotLayer(LayerReader.diffId(new ByteArrayInputStream(bytes)), blob.digest());
  }

  private static TarArchiveEntry regular(String name, String content) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(content.length());
    e.setMode(0100644);
    return e;
  }

  private static TarArchiveEntry symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
    e.setLinkName(target);
    return e;
  }

  private static TarArchiveEntry hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK, true);
    e.setLinkName(target);
    return e;
  }
}
