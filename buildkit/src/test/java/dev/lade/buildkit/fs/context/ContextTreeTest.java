package dev.lade.buildkit.fs.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.buildkit.fs.SharedContent;
import dev.lade.dockerfile.ignore.IgnorePatterns;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTreeTest {
  @TempDir Path dir;

  private ContextTree tree(String dockerignore) throws IOException {
    return ContextTree.open(dir, IgnorePatterns.parse(new StringReader(dockerignore), ".dockerignore"));
  }

  @Test
  void filesAreOwnedByRootWithTheirModeAndTime() throws IOException {
    Path f = Files.writeString(dir.resolve("app.sh"), "echo hi\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
    Instant mtime = Instant.parse("2020-02-03T04:05:06.123456789Z");
    Files.setLastModifiedTime(f, FileTime.from(mtime));
    LayerEntry.File file = assertInstanceOf(LayerEntry.File.class, tree("").lookup("app.sh").orElseThrow());
    assertEquals(0750, file.metadata().mode());
    assertEquals(0, file.metadata().uid());
    assertEquals(0, file.metadata().gid());
    assertEquals(mtime, file.metadata().modTime());
    assertEquals(8, file.size());
  }

  @Test
  void symlinksAreReportedAsSymlinks() throws IOException {
    Files.createSymbolicLink(dir.resolve("link"), Path.of("../outside"));
    LayerEntry.Symlink link = assertInstanceOf(LayerEntry.Symlink.class, tree("").lookup("link").orElseThrow());
    assertEquals("../outside", link.target());
  }

  @Test
  void dockerignoreWithExceptionsAsBuildKitAppliesIt() throws IOException {
    // The reference's example: exclude all markdown files except README.md
    Files.writeString(dir.resolve("README.md"), "r");
    Files.writeString(dir.resolve("CHANGES.md"), "c");
    Files.createDirectories(dir.resolve("docs/api"));
    Files.writeString(dir.resolve("docs/api/keep.txt"), "k");
    Files.writeString(dir.resolve("docs/drop.txt"), "d");
    Files.writeString(dir.resolve("main.go"), "m");
    ContextTree tree = tree("*.md\n!README.md\ndocs\n!docs/api/keep.txt\n");
    assertEquals(List.of("README.md", "docs", "main.go"), tree.children(""));
    assertTrue(tree.lookup("CHANGES.md").isEmpty());
    assertTrue(tree.lookup("docs/drop.txt").isEmpty());
    assertEquals(List.of("api"), tree.children("docs"), "an excluded directory holding a re-included file stays");
    assertNotNull(tree.lookup("docs/api/keep.txt").orElse(null));
  }

  @Test
  void hardLinkedFilesShareAnInode() throws IOException {
    Path a = Files.writeString(dir.resolve("a"), "same");
    Files.createLink(dir.resolve("b"), a);
    Files.writeString(dir.resolve("c"), "same");
    ContextTree tree = tree("");
    Object inodeA = inode(tree, "a");
    assertNotNull(inodeA);
    assertEquals(inodeA, inode(tree, "b"));
    assertEquals(null, inode(tree, "c"));
  }

  @Test
  void childrenAreInByteOrder() throws IOException {
    for (String name : List.of("b", "B", "a.txt", "a", "_")) Files.writeString(dir.resolve(name), name);
    assertEquals(List.of("B", "_", "a", "a.txt", "b"), tree("").children(""));
  }

  private static Object inode(ContextTree tree, String path) throws IOException {
    LayerEntry.File f = (LayerEntry.File) tree.lookup(path).orElseThrow();
    return ((SharedContent) f.content()).inode();
  }
}
