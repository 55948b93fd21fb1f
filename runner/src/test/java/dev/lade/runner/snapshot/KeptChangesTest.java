package dev.lade.runner.snapshot;

import static dev.lade.runner.snapshot.TestLayers.T;
import static dev.lade.runner.snapshot.TestLayers.dir;
import static dev.lade.runner.snapshot.TestLayers.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Compression;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerOptions;
import dev.lade.oci.layer.LayerWriter;
import dev.lade.oci.layer.WrittenLayer;
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
import dev.lade.runner.snapshot.fs.Trees;
import dev.lade.runner.snapshot.diff.Children;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A RUN step's upper directory kept as the unpacked form of the layer its changes were written as:
 * a snapshot over it shows the same tree as one over the layer unpacked from its blob.
 */
class KeptChangesTest {
  @TempDir Path tmp;
  OciLayoutStore store;

  @BeforeEach
  void setUp() throws Exception {
    TestLayers.assumeRoot();
    assumeTrue(Snapshotters.overlayAvailable(), "the kernel has no overlayfs");
    store = OciLayoutStore.open(tmp.resolve("store"));
  }

  @Test
  void keptUpperShowsWhatTheUnpackedLayerShows() throws Exception {
    SnapshotLayer base = TestLayers.store(store.blobs(), List.of(dir("etc"), file("etc/motd", "hello"),
        file("etc/shadow", EntryMetadata.of(0640, 0, 42, T), "s"), dir("var"), dir("var/app"),
        file("var/app/a", "a"), dir("bin"), file("bin/tool", EntryMetadata.of(0755, 0, 0, T), "tool")));
    Path keptRoot = tmp.resolve("kept");
    OverlaySnapshotter kept = overlay(keptRoot);

    ActiveSnapshot s = kept.prepare(List.of(base));
    Path upper = ((OverlaySnapshot) s).upper();
    long upperInode = FileStat.of(upper).ino();
    SnapshotLayer top;
    try {
      kept.mount(s);
      change(s.rootfs());
      ByteArrayOutputStream blob = new ByteArrayOutputStream();
      WrittenLayer layer = kept.commit(s, new LayerWriter(LayerOptions.defaults().withCompression(Compression.GZIP)),
          blob);
      store.blobs().write(blob.toByteArray());
      top = new SnapshotLayer(layer.diffId(), layer.digest());
      assertTrue(kept.keep(s, List.of(base, top)), "the upper directory is taken as the layer");
    } finally {
      kept.remove(s);
    }
    Path adopted = new ExtractedLayers(keptRoot, store.blobs(), extractor())
        .directory(ChainId.of(List.of(base.diffId(), top.diffId())).getLast());
    assertEquals(upperInode, FileStat.of(adopted).ino(), "moved, not unpacked again");
    assertFalse(kept.keep(kept.prepare(List.of(base)), List.of(base, top)), "a layer is unpacked once");

    assertEquals(tree(overlay(tmp.resolve("unpacked")), List.of(base, top)), tree(kept, List.of(base, top)));
  }

  /** What a RUN step might do: delete, replace a directory, link, chmod, chown, write. */
  private static void change(Path root) throws IOException {
    Files.delete(root.resolve("etc/motd"));
    Trees.deleteTree(root.resolve("var/app"));
    Files.createDirectory(root.resolve("var/app"));
    Files.writeString(root.resolve("var/app/b"), "b");
    Files.createLink(root.resolve("bin/tool2"), root.resolve("bin/tool"));
    Files.createSymbolicLink(root.resolve("bin/sh"), Path.of("tool"));
    Posix.chmod(root.resolve("etc/shadow"), 0600);
    Files.createDirectories(root.resolve("home/app"));
    Posix.lchown(root.resolve("home/app"), 1000, 1000);
  }

  /** Every path of a snapshot over {@code chain}, as a layer would describe it, mtimes to the second. */
  private static List<String> tree(Snapshotter snapshotter, List<SnapshotLayer> chain) throws IOException {
    ActiveSnapshot s = snapshotter.prepare(chain);
    try {
      snapshotter.mount(s);
      List<String> out = new ArrayList<>();
      walk(s.rootfs(), "", out);
      return out;
    } finally {
      snapshotter.remove(s);
    }
  }

  private static void walk(Path root, String dir, List<String> out) throws IOException {
    for (String name : Children.of(dir.isEmpty() ? root : root.resolve(dir))) {
      String path = Children.join(dir, name);
      Path file = root.resolve(path);
      FileStat st = FileStat.of(file);
      String what = path + " " + Integer.toOctalString(st.mode()) + " " + st.uid() + ":" + st.gid() + " links "
          + st.nlink() + " " + st.modTime().getEpochSecond();
      if (st.isRegularFile()) {
        try (InputStream in = Files.newInputStream(file)) {
          what += " " + Digest.sha256(in);
        }
      }
      if (st.isSymlink()) what += " -> " + Files.readSymbolicLink(file);
      out.add(what);
      if (st.isDirectory()) walk(root, path, out);
    }
  }

  private OverlaySnapshotter overlay(Path root) throws IOException {
    return new OverlaySnapshotter(root, new ExtractedLayers(root, store.blobs(), extractor()),
        new Owners(IdMapping.identity(), true));
  }

  private static LayerExtractor extractor() {
    return new LayerExtractor(OverlayFormat.PRIVILEGED, new Owners(IdMapping.identity(), true), true);
  }
}
