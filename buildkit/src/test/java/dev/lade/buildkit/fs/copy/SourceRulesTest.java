package dev.lade.buildkit.fs.copy;

import static dev.lade.buildkit.fs.copy.CopyHarness.describe;
import static dev.lade.buildkit.fs.copy.CopyHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.buildkit.fs.CopyException;
import dev.lade.buildkit.fs.CopyResult;
import dev.lade.buildkit.fs.context.ContextTree;
import dev.lade.buildkit.fs.testing.MemoryTree;
import dev.lade.dockerfile.ignore.IgnorePatterns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Symlinks, hard links, --exclude, --parents, heredocs and --link. */
class SourceRulesTest {
  @TempDir Path dir;
  @TempDir Path scratch;
  private ContextTree context;

  @BeforeEach
  void context() throws IOException {
    Files.createDirectories(dir.resolve("x/sub"));
    Files.createDirectories(dir.resolve("y"));
    Files.writeString(dir.resolve("x/a.txt"), "xa");
    Files.writeString(dir.resolve("x/b.md"), "xb");
    Files.writeString(dir.resolve("x/sub/c.txt"), "xc");
    Files.writeString(dir.resolve("y/a.txt"), "ya");
    Files.createSymbolicLink(dir.resolve("x/rel"), Path.of("a.txt"));
    Files.createSymbolicLink(dir.resolve("top"), Path.of("x/a.txt"));
    Files.createSymbolicLink(dir.resolve("out"), Path.of("../../etc/passwd"));
    Files.createLink(dir.resolve("x/hard"), dir.resolve("x/a.txt"));
    Files.createSymbolicLink(dir.resolve("dangling"), Path.of("nowhere"));
    Files.writeString(dir.resolve("hom1.txt"), "1");
    Files.writeString(dir.resolve("hom2.md"), "2");
    context = ContextTree.open(dir, IgnorePatterns.empty());
  }

  private Map<String, String> copy(String instruction) throws IOException {
    return describe(run(instruction, context, new MemoryTree(), scratch));
  }

  @Test
  void aTopLevelSymlinkIsFollowedUnderItsOwnName() throws IOException {
    Map<String, String> layer = copy("COPY top /d/");
    assertEquals("xa", layer.get("d/top").substring(layer.get("d/top").lastIndexOf(' ') + 1));
    assertEquals('f', layer.get("d/top").charAt(0));
  }

  @Test
  void symlinksInsideACopiedDirectoryStayLinks() throws IOException {
    assertEquals("symlink", copy("COPY x /d/").get("d/rel").split(" ")[0]);
    assertEquals("a.txt", copy("COPY x /d/").get("d/rel").split(" ")[3]);
  }

  @Test
  void aDanglingSourceLinkNamesItsTarget() {
    CopyException e = assertThrows(CopyException.class, () -> copy("COPY dangling /d"));
    assertEquals("Dockerfile:2: failed to compute cache key: \"/nowhere\" not found: not found", e.located("Dockerfile"));
  }

  @Test
  void aContextSymlinkPointingOutIsRefused() {
    CopyException e = assertThrows(CopyException.class, () -> copy("COPY out /d/"));
    assertEquals(CopyException.Kind.OUTSIDE_CONTEXT, e.kind());
  }

  @Test
  void hardLinksAreKept() throws IOException {
    Map<String, String> layer = copy("COPY x /d/");
    assertEquals("hardlink", layer.get("d/hard").split(" ")[0]);
    assertEquals("d/a.txt", layer.get("d/hard").split(" ")[3]);
  }

  /** BuildKit copies each source, each wildcard match, with a copier of its own: its links stay inside one. */
  @Test
  void twoSourcesNamingOneFileAreTwoFiles() throws IOException {
    Map<String, String> sources = copy("COPY x/a.txt x/hard /d/");
    assertEquals("file 0644 0:0 xa", sources.get("d/a.txt"));
    assertEquals("file 0644 0:0 xa", sources.get("d/hard"));
    Map<String, String> matches = copy("COPY x/[ah]* /w/");
    assertEquals("file 0644 0:0 xa", matches.get("w/hard"));
  }

  @Test
  void excludeFiltersWildcardMatchesAndDirectoryContents() throws IOException {
    // The reference's example: COPY --exclude=*.txt hom* /mydir/ adds hom* files but not .txt ones
    Map<String, String> matches = copy("COPY --exclude=*.txt hom* /mydir/");
    assertEquals(Map.of("mydir", "dir 0755 0:0", "mydir/hom2.md", "file 0644 0:0 2"), matches);
    Map<String, String> contents = copy("COPY --exclude=*.md --exclude=sub x /d/");
    assertEquals(null, contents.get("d/b.md"));
    assertEquals(null, contents.get("d/sub"));
    assertEquals("file 0644 0:0 xa", contents.get("d/a.txt"));
  }

  @Test
  void parentsKeepTheSourcePathBelowThePivot() throws IOException {
    // The reference's example: COPY --parents ./x/a.txt ./y/a.txt /parents/
    Map<String, String> parents = copy("COPY --parents ./x/a.txt ./y/a.txt /parents/");
    assertEquals("file 0644 0:0 xa", parents.get("parents/x/a.txt"));
    assertEquals("file 0644 0:0 ya", parents.get("parents/y/a.txt"));
    Map<String, String> pivot = copy("COPY --parents x/./sub/*.txt /p/");
    assertEquals("file 0644 0:0 xc", pivot.get("p/sub/c.txt"));
    assertEquals(null, pivot.get("p/x"));
  }

  @Test
  void heredocsBecomeFilesOfMode0644() throws IOException {
    CopyResult result = run("COPY <<EOF /etc/motd\nhello\nEOF", context, new MemoryTree(), scratch);
    assertEquals("file 0644 0:0 hello\n", describe(result).get("etc/motd"));
    assertEquals(CopyHarness.NOW, CopyHarness.mtime(result, "etc/motd"));
    Map<String, String> intoDir = describe(run("COPY <<one <<two /d/\n1\none\n2\ntwo", context, new MemoryTree(), scratch));
    assertEquals("file 0644 0:0 1\n", intoDir.get("d/one"));
    assertEquals("file 0644 0:0 2\n", intoDir.get("d/two"));
  }

  @Test
  void linkCopiesOntoAnEmptyTreeWithoutTheImagesSymlinks() throws IOException {
    MemoryTree image = new MemoryTree().symlink("app", "/srv").dir("srv", 0700, 0, 0);
    Map<String, String> linked = describe(run("COPY --link x/a.txt /app/", context, image, scratch));
    assertEquals("file 0644 0:0 xa", linked.get("app/a.txt"));
    assertEquals("dir 0755 0:0", linked.get("app"));
    Map<String, String> plain = describe(run("COPY x/a.txt /app/", context, image, scratch));
    assertEquals("file 0644 0:0 xa", plain.get("srv/a.txt"));
  }

  @Test
  void mtimesAreKept() throws IOException {
    java.time.Instant t = java.time.Instant.parse("2019-09-09T09:09:09Z");
    Files.setLastModifiedTime(dir.resolve("x/sub/c.txt"), java.nio.file.attribute.FileTime.from(t));
    assertEquals(t, CopyHarness.mtime(run("COPY x /d/", context, new MemoryTree(), scratch), "d/sub/c.txt"));
  }
}
