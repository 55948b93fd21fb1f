package dev.lade.runner.snapshot;

import static dev.lade.runner.snapshot.TestLayers.T;
import static dev.lade.runner.snapshot.TestLayers.dir;
import static dev.lade.runner.snapshot.TestLayers.file;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.image.Compression;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.runner.snapshot.extract.ChainId;
import dev.lade.runner.snapshot.extract.ExtractedLayers;
import dev.lade.runner.snapshot.extract.LayerExtractor;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.IdMapping;
import dev.lade.runner.snapshot.fs.OverlayFormat;
import dev.lade.runner.snapshot.fs.Owners;
import dev.lade.runner.snapshot.fs.Posix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerExtractionTest {
  @TempDir Path tmp;
  OciLayoutStore store;

  @BeforeEach
  void setUp() throws Exception {
    TestLayers.assumeRoot();
    store = OciLayoutStore.open(tmp.resolve("store"));
  }

  @Test
  void unpacksModesOwnersTimesXattrsLinksAndDevices() throws Exception {
    byte[] capability = {1, 0, 0, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    EntryMetadata suid = EntryMetadata.of(04755, 1000, 1001, T.plusSeconds(5))
        .withXattr("security.capability", capability).withXattr("user.note", "hi".getBytes(StandardCharsets.UTF_8));
    SnapshotLayer layer = TestLayers.store(store.blobs(), Compression.ZSTD, List.of(
        new LayerEntry.Directory("usr", EntryMetadata.of(0555, 0, 0, T.plusSeconds(9))),
        dir("usr/bin"),
        file("usr/bin/ping", suid, "ping"),
        new LayerEntry.Hardlink("usr/bin/ping6", "usr/bin/ping", suid),
        new LayerEntry.Symlink("usr/bin/sh", "/bin/busybox", EntryMetadata.of(0777, 7, 8, T)),
        new LayerEntry.CharDevice("dev/null", EntryMetadata.of(0666, 0, 0, T), 1, 3),
        new LayerEntry.Fifo("run/fifo", EntryMetadata.of(0600, 0, 0, T))));

    Path fs = layers(OverlayFormat.PRIVILEGED).ensure(List.of(layer)).get(0);

    FileStat ping = FileStat.of(fs.resolve("usr/bin/ping"));
    assertEquals(04755, ping.permissions());
    assertEquals(List.of(1000L, 1001L), List.of(ping.uid(), ping.gid()));
    assertEquals(T.plusSeconds(5), ping.modTime());
    assertEquals(2, ping.nlink());
    assertEquals(ping.ino(), FileStat.of(fs.resolve("usr/bin/ping6")).ino());
    assertArrayEquals(capability, Posix.getXattr(fs.resolve("usr/bin/ping"), "security.capability").orElseThrow());
    assertEquals("/bin/busybox", Files.readSymbolicLink(fs.resolve("usr/bin/sh")).toString());
    assertEquals(List.of(7L, 8L), List.of(FileStat.of(fs.resolve("usr/bin/sh")).uid(), FileStat.of(fs.resolve("usr/bin/sh")).gid()));
    FileStat usr = FileStat.of(fs.resolve("usr"));
    assertEquals(0555, usr.permissions());
    assertEquals(T.plusSeconds(9), usr.modTime(), "a directory keeps its time after its children are written");
    FileStat nul = FileStat.of(fs.resolve("dev/null"));
    assertEquals(FileStat.S_IFCHR, nul.type());
    assertEquals(List.of(1L, 3L), List.of(nul.major(), nul.minor()));
    assertEquals(FileStat.S_IFIFO, FileStat.of(fs.resolve("run/fifo")).type());
  }

  @Test
  void whiteoutsBecomeDevicesAndOpaqueDirectoriesTrustedXattrs() throws Exception {
    SnapshotLayer layer = TestLayers.store(store.blobs(), List.of(
        dir("etc"), new LayerEntry.Whiteout("etc/motd"), dir("var"), new LayerEntry.OpaqueDirectory("var")));

    Path fs = layers(OverlayFormat.PRIVILEGED).ensure(List.of(layer)).get(0);

    assertTrue(FileStat.of(fs.resolve("etc/motd")).isWhiteoutDevice());
    assertArrayEquals(new byte[] {'y'}, Posix.getXattr(fs.resolve("var"), "trusted.overlay.opaque").orElseThrow());
    assertFalse(Files.exists(fs.resolve("var/.wh..wh..opq")));
  }

  @Test
  void rootlessFormatWritesXattrWhiteoutsAndRecordsOwners() throws Exception {
    SnapshotLayer layer = TestLayers.store(store.blobs(), List.of(
        dir("etc"), new LayerEntry.Whiteout("etc/motd"), dir("var"), new LayerEntry.OpaqueDirectory("var"),
        file("etc/app.conf", EntryMetadata.of(0640, 33, 33, T), "x")));
    Owners recorded = new Owners(IdMapping.single(0, 0), false);

    Path fs = new ExtractedLayers(tmp.resolve("snapshots"), store.blobs(),
        new LayerExtractor(OverlayFormat.USERXATTR, recorded, false)).ensure(List.of(layer)).get(0);

    FileStat motd = FileStat.of(fs.resolve("etc/motd"));
    assertTrue(motd.isRegularFile() && motd.size() == 0);
    assertTrue(Posix.getXattr(fs.resolve("etc/motd"), "user.overlay.whiteout").isPresent());
    assertArrayEquals(new byte[] {'x'}, Posix.getXattr(fs.resolve("etc"), "user.overlay.opaque").orElseThrow());
    assertArrayEquals(new byte[] {'y'}, Posix.getXattr(fs.resolve("var"), "user.overlay.opaque").orElseThrow());
    Path conf = fs.resolve("etc/app.conf");
    assertEquals("33:33", new String(Posix.getXattr(conf, Owners.OWNER_XATTR).orElseThrow(), StandardCharsets.US_ASCII));
    assertArrayEquals(new long[] {33, 33}, recorded.read(conf, FileStat.of(conf)));
  }

  @Test
  void eachLayerIsUnpackedOnceUnderItsChainId() throws Exception {
    SnapshotLayer base = TestLayers.store(store.blobs(), List.of(file("a", "1")));
    SnapshotLayer top = TestLayers.store(store.blobs(), List.of(file("b", "2")));
    ExtractedLayers layers = layers(OverlayFormat.PRIVILEGED);

    List<Path> dirs = layers.ensure(List.of(base, top));
    Files.writeString(dirs.get(1).resolve("marker"), "kept");
    List<Path> again = layers.ensure(List.of(base, top));

    var chain = ChainId.of(List.of(base.diffId(), top.diffId()));
    assertEquals(base.diffId(), chain.get(0), "the bottom layer's chain ID is its diff ID");
    assertEquals(List.of(layers.directory(chain.get(0)), layers.directory(chain.get(1))), again);
    assertTrue(Files.exists(again.get(1).resolve("marker")), "the second call reuses the first extraction");
    assertEquals("2", Files.readString(again.get(1).resolve("b")));
    assertFalse(Files.exists(again.get(1).resolve("a")), "each layer has a directory of its own");
  }

  private ExtractedLayers layers(OverlayFormat format) throws Exception {
    return new ExtractedLayers(tmp.resolve("snapshots"), store.blobs(),
        new LayerExtractor(format, new Owners(IdMapping.identity(), true), true));
  }
}
