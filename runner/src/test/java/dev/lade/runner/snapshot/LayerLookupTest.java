package dev.lade.runner.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.runner.snapshot.fs.OverlayFormat;
import dev.lade.runner.snapshot.fs.Posix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths found in unpacked layers as the overlay over them would show them. */
class LayerLookupTest {
  @TempDir Path tmp;

  @Test
  void topmostLayerWinsWhiteoutsAndOpaqueDirectoriesHide() throws Exception {
    OverlayFormat format = OverlayFormat.USERXATTR; // xattr whiteouts: no device nodes needed
    Path bottom = layer("bottom", "etc/passwd", "etc/group", "var/lib/a", "opt/x");
    Path top = layer("top", "etc/passwd", "var/lib/b");
    format.writeWhiteout(top.resolve("etc/group"));
    format.markOpaque(top.resolve("var/lib"));
    Files.writeString(top.resolve("opt"), "a file over a directory");
    List<Path> topFirst = List.of(top, bottom);

    assertEquals(Optional.of(top.resolve("etc/passwd")), LayerLookup.find(topFirst, format, "/etc/passwd"));
    assertEquals(Optional.empty(), LayerLookup.find(topFirst, format, "/etc/group"));
    assertEquals(Optional.of(top.resolve("var/lib/b")), LayerLookup.find(topFirst, format, "/var/lib/b"));
    assertEquals(Optional.empty(), LayerLookup.find(topFirst, format, "/var/lib/a"));
    assertEquals(Optional.empty(), LayerLookup.find(topFirst, format, "/opt/x"));
    assertEquals(Optional.of(bottom.resolve("etc")), LayerLookup.find(List.of(bottom), format, "/etc/"));
  }

  private Path layer(String name, String... files) throws Exception {
    Path root = Files.createDirectory(tmp.resolve(name));
    for (String file : files) {
      Files.createDirectories(root.resolve(file).getParent());
      Files.writeString(root.resolve(file), file);
    }
    Posix.chmod(root, 0755);
    return root;
  }
}
