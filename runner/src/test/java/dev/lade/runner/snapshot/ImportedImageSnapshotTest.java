package dev.lade.runner.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.archive.ImageImporter;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.ResolvedImage;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.snapshot.fs.FileStat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A busybox image made as {@code lade import} makes it, prepared by the snapshotter this machine picks. */
class ImportedImageSnapshotTest {
  static final Path BUSYBOX = Path.of("/bin/busybox");

  @TempDir Path tmp;

  @Test
  void importedBusyboxBecomesARootFilesystem() throws Exception {
    TestLayers.assumeRoot();
    assumeTrue(Files.isRegularFile(BUSYBOX), "needs busybox-static's /bin/busybox (tools/test-packages.txt)");
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    ImageImporter.importTarball(store, rootfsTarball(), Reference.parse("busybox:imported"),
        Platform.host(), Instant.parse("2024-01-01T00:00:00Z"));
    ResolvedImage image = ImageResolver.forHost(store).resolve("busybox:imported");
    List<SnapshotLayer> chain = SnapshotLayer.chainOf(image.manifest().value(), image.config().value());
    Snapshotter snapshotter = Snapshotters.open(tmp.resolve("snapshots"), store.blobs());

    ActiveSnapshot s = snapshotter.prepare(chain);
    try {
      snapshotter.mount(s);
      Path root = s.rootfs();
      assertArrayEquals(Files.readAllBytes(BUSYBOX), Files.readAllBytes(root.resolve("bin/busybox")));
      assertEquals(0755, FileStat.of(root.resolve("bin/busybox")).permissions());
      assertEquals("busybox", Files.readSymbolicLink(root.resolve("bin/sh")).toString());
      assertEquals(01777, FileStat.of(root.resolve("tmp")).permissions());
      assertTrue(snapshotter.diff(s).isEmpty(), "nothing changed yet");
    } finally {
      snapshotter.remove(s);
    }
  }

  /** What {@code tar -C rootfs -cf - .} gives for a busybox-static root: "./" first. */
  private Path rootfsTarball() throws IOException {
    Path tarball = tmp.resolve("busybox.tar");
    try (OutputStream out = Files.newOutputStream(tarball); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      directory(tar, "./", 0755);
      directory(tar, "./bin/", 0755);
      TarArchiveEntry busybox = new TarArchiveEntry("./bin/busybox", true);
      busybox.setMode(0100755);
      busybox.setSize(Files.size(BUSYBOX));
      tar.putArchiveEntry(busybox);
      Files.copy(BUSYBOX, tar);
      tar.closeArchiveEntry();
      TarArchiveEntry sh = new TarArchiveEntry("./bin/sh", TarArchiveEntry.LF_SYMLINK, true);
      sh.setLinkName("busybox");
      tar.putArchiveEntry(sh);
      tar.closeArchiveEntry();
      directory(tar, "./tmp/", 01777);
    }
    return tarball;
  }

  private static void directory(TarArchiveOutputStream tar, String name, int mode) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setMode(040000 | mode);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }
}
