package dev.lade.buildkit.fs.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.buildkit.fs.SharedContent;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerWriter;
import dev.lade.oci.store.OciLayoutStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerStackTreeTest {
  @TempDir Path dir;

  private static EntryMetadata meta(int mode) {
    return EntryMetadata.root(mode);
  }

  private static LayerEntry.File file(String path, String content) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    return new LayerEntry.File(path, meta(0644), data.length, () -> new ByteArrayInputStream(data));
  }

  private Digest layer(OciLayoutStore store, List<LayerEntry> entries) throws IOException {
    ByteArrayOutputStream blob = new ByteArrayOutputStream();
    LayerWriter.defaults().write(entries, blob);
    return store.blobs().write(blob.toByteArray()).digest();
  }

  private LayerStackTree stack() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(dir.resolve("store"));
    List<Digest> layers = new ArrayList<>();
    layers.add(layer(store, List.of(
        new LayerEntry.Directory("etc", meta(0755)),
        file("etc/hosts", "lower"),
        file("etc/gone", "x"),
        new LayerEntry.Directory("var", meta(0755)),
        new LayerEntry.Directory("var/cache", meta(0755)),
        file("var/cache/old", "old"),
        file("bin", "was a file"))));
    layers.add(layer(store, List.of(
        new LayerEntry.Directory("etc", meta(0700)),
        file("etc/hosts", "upper"),
        new LayerEntry.Whiteout("etc/gone"),
        new LayerEntry.Directory("var", meta(0755)),
        new LayerEntry.Directory("var/cache", meta(0755)),
        new LayerEntry.OpaqueDirectory("var/cache"),
        file("var/cache/new", "new"),
        new LayerEntry.Directory("bin", meta(0755)),
        file("bin/sh", "shell"),
        new LayerEntry.Hardlink("bin/zsh", "bin/sh", meta(0644)))));
    return LayerStackTree.open(store.blobs(), layers, Files.createDirectories(dir.resolve("cache")));
  }

  @Test
  void upperLayersWinAndWhiteoutsDelete() throws IOException {
    LayerStackTree tree = stack();
    assertEquals("upper", read(tree, "etc/hosts"));
    assertEquals(0700, ((LayerEntry.Directory) tree.lookup("etc").orElseThrow()).metadata().mode());
    assertTrue(tree.lookup("etc/gone").isEmpty());
    assertEquals(List.of("hosts"), tree.children("etc"));
  }

  @Test
  void opaqueDirectoriesHideLowerContent() throws IOException {
    LayerStackTree tree = stack();
    assertEquals(List.of("new"), tree.children("var/cache"));
    assertTrue(tree.lookup("var/cache/old").isEmpty());
  }

  @Test
  void aDirectoryReplacesAFileAndHardLinksShareContent() throws IOException {
    LayerStackTree tree = stack();
    assertInstanceOf(LayerEntry.Directory.class, tree.lookup("bin").orElseThrow());
    assertEquals(List.of("sh", "zsh"), tree.children("bin"));
    assertEquals("shell", read(tree, "bin/zsh"));
    assertEquals(inode(tree, "bin/sh"), inode(tree, "bin/zsh"));
  }

  @Test
  void prefetchExtractsEachFileOnceIntoTheCache() throws IOException {
    LayerStackTree tree = stack();
    tree.prefetch(List.of("etc/hosts", "bin/sh", "var/cache/new"));
    try (var files = Files.walk(dir.resolve("cache"))) {
      assertEquals(3, files.filter(Files::isRegularFile).count());
    }
    assertEquals("new", read(tree, "var/cache/new"));
    try (var files = Files.walk(dir.resolve("cache"))) {
      assertEquals(3, files.filter(Files::isRegularFile).count(), "reading after a prefetch extracts nothing more");
    }
  }

  private static Object inode(LayerStackTree tree, String path) {
    return ((SharedContent) ((LayerEntry.File) tree.lookup(path).orElseThrow()).content()).inode();
  }

  private static String read(LayerStackTree tree, String path) throws IOException {
    LayerEntry.File f = (LayerEntry.File) tree.lookup(path).orElseThrow();
    try (InputStream in = f.content().open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
