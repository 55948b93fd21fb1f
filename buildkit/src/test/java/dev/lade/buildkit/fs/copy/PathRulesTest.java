package dev.lade.buildkit.fs.copy;

import static dev.lade.buildkit.fs.copy.CopyHarness.describe;
import static dev.lade.buildkit.fs.copy.CopyHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.buildkit.fs.CopyException;
import dev.lade.buildkit.fs.CopyResult;
import dev.lade.buildkit.fs.testing.MemoryTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker's path rules for COPY, with the examples of the Dockerfile reference. */
class PathRulesTest {
  @TempDir Path scratch;

  private final MemoryTree context = new MemoryTree()
      .file("test.txt", "t")
      .file("home.txt", "h1")
      .file("home2.txt", "h2")
      .file("homes.md", "h3")
      .file("other.txt", "o")
      .dir("dir", 0750, 0, 0)
      .file("dir/a.txt", "a", 0600, 0, 0)
      .dir("dir/sub", 0700, 0, 0)
      .file("dir/sub/b.txt", "b");

  private Map<String, String> copy(String instruction, MemoryTree destination, String workdir) throws IOException {
    return describe(run(instruction, context, destination, workdir, scratch, null));
  }

  @Test
  void relativeDestinationIsUnderWorkdir() throws IOException {
    // "COPY test.txt relativeDir/" adds test.txt to <WORKDIR>/relativeDir/
    Map<String, String> layer = copy("COPY test.txt relativeDir/", new MemoryTree(), "/app");
    assertEquals(Map.of(
        "app", "dir 0755 0:0",
        "app/relativeDir", "dir 0755 0:0",
        "app/relativeDir/test.txt", "file 0644 0:0 t"), layer);
  }

  @Test
  void absoluteDestinationIgnoresWorkdir() throws IOException {
    Map<String, String> layer = copy("COPY test.txt /absoluteDir/", new MemoryTree(), "/app");
    assertEquals(Map.of("absoluteDir", "dir 0755 0:0", "absoluteDir/test.txt", "file 0644 0:0 t"), layer);
  }

  @Test
  void withoutTrailingSlashTheDestinationIsTheFile() throws IOException {
    Map<String, String> layer = copy("COPY test.txt /abs", new MemoryTree(), "/");
    assertEquals(Map.of("abs", "file 0644 0:0 t"), layer);
  }

  @Test
  void anExistingDirectoryReceivesTheFileEvenWithoutSlash() throws IOException {
    Map<String, String> layer = copy("COPY test.txt /srv", new MemoryTree().dir("srv", 0711, 0, 0), "/");
    assertEquals("file 0644 0:0 t", layer.get("srv/test.txt"));
    assertEquals("dir 0711 0:0", layer.get("srv"), "an existing parent keeps its metadata");
  }

  @Test
  void dotMeansTheWorkdir() throws IOException {
    Map<String, String> layer = copy("COPY test.txt .", new MemoryTree().dir("app"), "/app");
    assertEquals("file 0644 0:0 t", layer.get("app/test.txt"));
  }

  @Test
  void directorySourceCopiesItsContentsNotItself() throws IOException {
    Map<String, String> layer = copy("COPY dir /target", new MemoryTree(), "/");
    assertEquals(Map.of(
        "target", "dir 0755 0:0",
        "target/a.txt", "file 0600 0:0 a",
        "target/sub", "dir 0700 0:0",
        "target/sub/b.txt", "file 0644 0:0 b"), layer);
  }

  @Test
  void directorySourceIntoExistingDirectoryKeepsItsMetadata() throws IOException {
    Map<String, String> layer = copy("COPY dir/ /opt/", new MemoryTree().dir("opt", 0701, 5, 5), "/");
    assertEquals("dir 0701 5:5", layer.get("opt"));
    assertEquals("file 0600 0:0 a", layer.get("opt/a.txt"));
  }

  @Test
  void wildcardsMatchAsGoFilepathMatch() throws IOException {
    // "COPY hom* /mydir/" adds all files starting with "hom"
    Map<String, String> star = copy("COPY hom* /mydir/", new MemoryTree(), "/");
    assertEquals(Map.of("mydir", "dir 0755 0:0", "mydir/home.txt", "file 0644 0:0 h1",
        "mydir/home2.txt", "file 0644 0:0 h2", "mydir/homes.md", "file 0644 0:0 h3"), star);
    // "?" is replaced with any single character, e.g., "home.txt"
    Map<String, String> question = copy("COPY hom?.txt /mydir/", new MemoryTree(), "/");
    assertEquals(Map.of("mydir", "dir 0755 0:0", "mydir/home.txt", "file 0644 0:0 h1"), question);
    Map<String, String> nested = copy("COPY dir/*/b.txt /n/", new MemoryTree(), "/");
    assertEquals(Map.of("n", "dir 0755 0:0", "n/b.txt", "file 0644 0:0 b"), nested);
  }

  @Test
  void aWildcardMatchingNothingCopiesNothing() throws IOException {
    assertEquals(Map.of(), copy("COPY nomatch* /x/", new MemoryTree(), "/"));
    assertEquals(Map.of(), copy("COPY test.txt/* /x/", new MemoryTree(), "/"), "below a file: nothing to walk");
  }

  /** fsutil walks the directory before the first wildcard: one that is not there fails (dockerd 20.10 agrees). */
  @Test
  void aWildcardBelowAMissingDirectoryIsAnError() {
    CopyException e = assertThrows(CopyException.class, () -> copy("COPY nodir/*.txt /x/", new MemoryTree(), "/"));
    assertEquals(CopyException.Kind.SOURCE_NOT_FOUND, e.kind());
    assertEquals("Dockerfile:2: lstat /nodir: no such file or directory", e.located("Dockerfile"));
  }

  @Test
  void multipleSourcesIntoAFileLeaveTheLastAsBuildKitDoes() throws IOException {
    // The classic builder refused this; BuildKit copies each source in turn (checked in dockerd 20.10).
    assertEquals(Map.of("dst", "file 0644 0:0 o"), copy("COPY test.txt other.txt /dst", new MemoryTree(), "/"));
  }

  @Test
  void multipleSourcesIntoADirectory() throws IOException {
    Map<String, String> layer = copy("COPY test.txt other.txt /dst/", new MemoryTree(), "/");
    assertEquals(Map.of("dst", "dir 0755 0:0", "dst/test.txt", "file 0644 0:0 t",
        "dst/other.txt", "file 0644 0:0 o"), layer);
  }

  @Test
  void symlinksInTheDestinationPathResolveInsideTheRootfs() throws IOException {
    MemoryTree image = new MemoryTree().dir("real").symlink("link", "../../real").symlink("abs", "/real");
    assertEquals("file 0644 0:0 t", copy("COPY test.txt /link/", image, "/").get("real/test.txt"));
    assertEquals("file 0644 0:0 t", copy("COPY test.txt /abs/x.txt", image, "/").get("real/x.txt"));
  }

  @Test
  void aFileCannotReplaceADirectory() {
    CopyException e = assertThrows(CopyException.class,
        () -> copy("COPY dir /x/", new MemoryTree().dir("x").file("x/sub", "file"), "/"));
    assertEquals("cannot copy to non-directory: /x/sub", e.reason());
  }

  @Test
  void missingSourceIsAnErrorOnTheInstructionLine() {
    CopyException e = assertThrows(CopyException.class, () -> copy("COPY missing.txt /", new MemoryTree(), "/"));
    assertEquals(CopyException.Kind.SOURCE_NOT_FOUND, e.kind());
    assertEquals("Dockerfile:2: failed to compute cache key: \"/missing.txt\" not found: not found", e.located("Dockerfile"));
  }

  @Test
  void pathsLeavingTheContextAreRefused() {
    CopyException e = assertThrows(CopyException.class, () -> copy("COPY ../secret /", new MemoryTree(), "/"));
    assertEquals(CopyException.Kind.OUTSIDE_CONTEXT, e.kind());
    assertEquals("forbidden path outside the build context: ../secret", e.reason());
  }

  @Test
  void sourceRootCopiesTheWholeContext() throws IOException {
    Map<String, String> layer = copy("COPY . /ctx/", new MemoryTree(), "/");
    assertEquals("file 0644 0:0 t", layer.get("ctx/test.txt"));
    assertEquals("file 0644 0:0 b", layer.get("ctx/dir/sub/b.txt"));
    assertEquals("dir 0755 0:0", layer.get("ctx"));
  }
}
