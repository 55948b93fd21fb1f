package dev.lade.runner.snapshot;

import static dev.lade.runner.snapshot.TestLayers.T;
import static dev.lade.runner.snapshot.TestLayers.dir;
import static dev.lade.runner.snapshot.TestLayers.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.image.Compression;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerOptions;
import dev.lade.oci.layer.LayerReader;
import dev.lade.oci.layer.LayerWriter;
import dev.lade.oci.layer.WrittenLayer;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.runner.snapshot.extract.ExtractedLayers;
import dev.lade.runner.snapshot.extract.LayerExtractor;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.IdMapping;
import dev.lade.runner.snapshot.fs.OverlayFormat;
import dev.lade.runner.snapshot.fs.Owners;
import dev.lade.runner.snapshot.fs.Posix;
import dev.lade.runner.snapshot.fs.Trees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layer → snapshot → change → diff → layer, through an overlay mount and through a copy. */
class SnapshotRoundTripTest {
  static final LayerOptions CLAMPED = LayerOptions.defaults().withCompression(Compression.NONE).withSourceDateEpoch(T);

  @TempDir Path tmp;
  OciLayoutStore store;
  final List<Runnable> cleanups = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    TestLayers.assumeRoot();
    store = OciLayoutStore.open(tmp.resolve("store"));
  }

  @AfterEach
  void tearDown() {
    cleanups.reversed().forEach(Runnable::run);
  }

  @Test
  void overlayDiffHasWhiteoutsOpaqueDirectoriesHardlinksAndModes() throws Exception {
    assumeTrue(Snapshotters.overlayAvailable(), "the kernel has no overlayfs");
    Snapshotter overlay = overlay(OverlayFormat.PRIVILEGED);
    SnapshotLayer base = base();

    List<String> layer = describe(changeAndCommit(overlay, List.of(base)).blob());

    assertEquals(expectedChangeLayer(), layer);
  }

  @Test
  void copyDiffEqualsOverlayDiffForTheSameChange() throws Exception {
    assumeTrue(Snapshotters.overlayAvailable(), "the kernel has no overlayfs");
    SnapshotLayer base = base();

    Committed fromOverlay = changeAndCommit(overlay(OverlayFormat.PRIVILEGED), List.of(base));
    Committed fromCopy = changeAndCommit(copy(), List.of(base));

    assertEquals(expectedChangeLayer(), describe(fromCopy.blob()));
    assertEquals(fromOverlay.layer().diffId(), fromCopy.layer().diffId(), "same change, same layer bytes");
  }

  @Test
  void committedLayerAppliesOnTopOfItsParent() throws Exception {
    Snapshotter copy = copy();
    SnapshotLayer base = base();
    Committed change = changeAndCommit(copy, List.of(base));
    store.blobs().write(change.blob());
    SnapshotLayer top = new SnapshotLayer(change.layer().diffId(), change.layer().digest());

    ActiveSnapshot s = prepare(copy, List.of(base, top));

    Path root = s.rootfs();
    assertFalse(Files.exists(root.resolve("etc/motd")), "the whiteout deleted etc/motd");
    assertEquals(List.of("c"), children(root.resolve("var/lib/app")), "the opaque directory hides a and b");
    assertEquals(FileStat.of(root.resolve("usr/bin/tool")).ino(), FileStat.of(root.resolve("usr/bin/tool2")).ino());
    assertEquals(0600, FileStat.of(root.resolve("data/keep")).permissions());
    assertEquals("new", Files.readString(root.resolve("new/file.txt")));
    assertEquals("root:x:0:0::/root:/bin/sh\n", Files.readString(root.resolve("etc/passwd")));
  }

  @Test
  void userxattrOverlayHonoursXattrWhiteoutsAndRecordsOwners() throws Exception {
    assumeTrue(Snapshotters.overlayAvailable(), "the kernel has no overlayfs");
    assumeTrue(Snapshotters.kernelAtLeast(System.getProperty("os.version"), 6, 7), "xattr whiteouts need Linux 6.7");
    Snapshotter overlay = overlay(OverlayFormat.USERXATTR);
    SnapshotLayer lower = TestLayers.store(store.blobs(), List.of(dir("etc"), file("etc/motd", "hi"),
        dir("var"), file("var/old", "x"), file("etc/shadow", EntryMetadata.of(0640, 0, 42, T), "s")));
    SnapshotLayer upper = TestLayers.store(store.blobs(), List.of(dir("etc"), new LayerEntry.Whiteout("etc/motd"),
        dir("var"), new LayerEntry.OpaqueDirectory("var"), file("var/new", "y")));

    ActiveSnapshot s = prepare(overlay, List.of(lower, upper));
    overlay.mount(s);

    assertFalse(Files.exists(s.rootfs().resolve("etc/motd")), "the xattr whiteout hides etc/motd");
    assertEquals(List.of("new"), children(s.rootfs().resolve("var")));
    Files.writeString(s.rootfs().resolve("etc/shadow"), "changed");
    List<LayerEntry> diff = overlay.diff(s);
    LayerEntry shadow = diff.stream().filter(e -> e.path().equals("etc/shadow")).findFirst().orElseThrow();
    assertEquals(42, ((LayerEntry.File) shadow).metadata().gid(), "the recorded owner survives copy-up");
  }

  /** The change every test makes, as the layer lists it. */
  static List<String> expectedChangeLayer() {
    return List.of(
        "dir data 755 0:0", "file data/keep 600 0:0 keep",
        "dir etc 755 0:0", "file etc/.wh.motd 0 0:0 ",
        "dir new 755 0:0", "file new/file.txt 644 0:0 new",
        "dir usr 755 0:0", "dir usr/bin 755 0:0", "file usr/bin/tool 755 0:0 tool", "link usr/bin/tool2 -> usr/bin/tool",
        "dir var 755 0:0", "dir var/lib 755 0:0", "dir var/lib/app 755 0:0", "file var/lib/app/.wh..wh..opq 0 0:0 ",
        "file var/lib/app/c 644 0:0 c");
  }

  private SnapshotLayer base() throws IOException {
    return TestLayers.store(store.blobs(), List.of(
        dir("data"), file("data/keep", "keep"), dir("etc"), file("etc/motd", "hello"),
        file("etc/passwd", "root:x:0:0::/root:/bin/sh\n"), dir("usr"), dir("usr/bin"),
        file("usr/bin/tool", EntryMetadata.of(0755, 0, 0, T), "tool"),
        // An inode with two names already: linking a third copies up only the name linked (tool).
        new LayerEntry.Hardlink("usr/bin/tool-alias", "usr/bin/tool", EntryMetadata.of(0755, 0, 0, T)), dir("var"), dir("var/lib"), dir("var/lib/app"),
        file("var/lib/app/a", "a"), file("var/lib/app/b", "b")));
  }

  record Committed(WrittenLayer layer, byte[] blob) {}

  /** Deletes a file, replaces a directory, adds a hard link, changes a mode, adds files; commits. */
  private Committed changeAndCommit(Snapshotter snapshotter, List<SnapshotLayer> chain) throws IOException {
    ActiveSnapshot s = prepare(snapshotter, chain);
    snapshotter.mount(s);
    Path root = s.rootfs();
    Files.delete(root.resolve("etc/motd"));
    Trees.deleteTree(root.resolve("var/lib/app"));
    Files.createDirectory(root.resolve("var/lib/app"));
    Files.writeString(root.resolve("var/lib/app/c"), "c");
    Files.createLink(root.resolve("usr/bin/tool2"), root.resolve("usr/bin/tool"));
    Posix.chmod(root.resolve("data/keep"), 0600);
    Files.createDirectory(root.resolve("new"));
    Files.writeString(root.resolve("new/file.txt"), "new");
    for (String p : List.of("new", "new/file.txt", "var/lib/app", "var/lib/app/c")) {
      Posix.chmod(root.resolve(p), p.endsWith(".txt") || p.endsWith("/c") ? 0644 : 0755);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WrittenLayer layer = snapshotter.commit(s, new LayerWriter(CLAMPED), out);
    snapshotter.remove(s);
    return new Committed(layer, out.toByteArray());
  }

  private ActiveSnapshot prepare(Snapshotter snapshotter, List<SnapshotLayer> chain) throws IOException {
    ActiveSnapshot s = snapshotter.prepare(chain);
    cleanups.add(() -> {
      try {
        snapshotter.remove(s);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return s;
  }

  private Snapshotter overlay(OverlayFormat format) throws IOException {
    Owners owners = format == OverlayFormat.PRIVILEGED
        ? new Owners(IdMapping.identity(), true) : new Owners(IdMapping.single(0, 0), false);
    Path root = tmp.resolve("snapshots-" + format.name());
    return new OverlaySnapshotter(root, new ExtractedLayers(root, store.blobs(),
        new LayerExtractor(format, owners, format == OverlayFormat.PRIVILEGED)), owners);
  }

  private Snapshotter copy() throws IOException {
    Owners owners = new Owners(IdMapping.identity(), true);
    Path root = tmp.resolve("snapshots-copy");
    return new CopySnapshotter(root, new ExtractedLayers(root, store.blobs(),
        new LayerExtractor(OverlayFormat.PRIVILEGED, owners, true)), owners, true);
  }

  static List<String> describe(byte[] blob) throws IOException {
    List<String> out = new ArrayList<>();
    try (LayerReader reader = new LayerReader(new ByteArrayInputStream(blob))) {
      for (LayerEntry e = reader.next(); e != null; e = reader.next()) out.add(describe(e));
    }
    return out;
  }

  private static String describe(LayerEntry e) throws IOException {
    return switch (e) {
      case LayerEntry.Directory d -> "dir " + d.path() + " " + meta(d.metadata());
      case LayerEntry.File f -> "file " + f.path() + " " + meta(f.metadata()) + " " + new String(f.content().open().readAllBytes());
      case LayerEntry.Hardlink h -> "link " + h.path() + " -> " + h.target();
      case LayerEntry.Whiteout w -> "file " + w.path().replaceFirst("([^/]*)$", ".wh.$1") + " 0 0:0 ";
      case LayerEntry.OpaqueDirectory o -> "file " + o.path() + "/.wh..wh..opq 0 0:0 ";
      default -> e.toString();
    };
  }

  private static String meta(EntryMetadata m) {
    return Integer.toOctalString(m.mode()) + " " + m.uid() + ":" + m.gid();
  }

  private static List<String> children(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
