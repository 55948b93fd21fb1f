package dev.lade.buildkit.fs.copy;

import static dev.lade.buildkit.fs.copy.CopyHarness.describe;
import static dev.lade.buildkit.fs.copy.CopyHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.buildkit.fs.CopyException;
import dev.lade.buildkit.fs.testing.MemoryTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --chown} and {@code --chmod}, with the Dockerfile reference's examples. */
class OwnershipAndModeTest {
  @TempDir Path scratch;

  private final MemoryTree context = new MemoryTree()
      .file("files1", "1", 0640, 0, 0)
      .file("files2", "2", 0755, 0, 0)
      .dir("dir", 0750, 0, 0)
      .file("dir/f", "f", 0600, 0, 0)
      .symlink("dir/link", "f");

  private final MemoryTree image = new MemoryTree()
      .dir("etc")
      .file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\n"
          + "app:x:1000:1001::/home/app:/bin/sh\n")
      .file("etc/group", "root:x:0:\nbin:x:1:\nmygroup:x:4242:\napp:x:1001:\n");

  private Map<String, String> copy(String instruction) throws IOException {
    return describe(run(instruction, context, image, scratch));
  }

  @Test
  void chownByNumbersAndNames() throws IOException {
    // The reference's examples: --chown=55:mygroup, --chown=bin, --chown=1, --chown=10:11
    assertEquals("file 0640 55:4242 1", copy("COPY --chown=55:mygroup files* /somedir/").get("somedir/files1"));
    assertEquals("file 0640 1:1 1", copy("COPY --chown=bin files* /somedir/").get("somedir/files1"));
    assertEquals("file 0640 1:1 1", copy("COPY --chown=1 files* /somedir/").get("somedir/files1"));
    assertEquals("file 0640 10:11 1", copy("COPY --chown=10:11 files* /somedir/").get("somedir/files1"));
  }

  @Test
  void aNamedUserWithoutGroupTakesThePasswdGroup() throws IOException {
    assertEquals("file 0640 1000:1001 1", copy("COPY --chown=app files1 /x").get("x"));
  }

  @Test
  void chownAppliesToCreatedParentsAndEverythingCopied() throws IOException {
    Map<String, String> layer = copy("COPY --chown=10:11 dir /a/b/");
    assertEquals("dir 0755 10:11", layer.get("a"));
    assertEquals("dir 0755 10:11", layer.get("a/b"));
    assertEquals("file 0600 10:11 f", layer.get("a/b/f"));
    assertEquals("symlink 0777 10:11 f", layer.get("a/b/link"));
  }

  @Test
  void unknownNamesAreLocatedErrors() {
    CopyException user = assertThrows(CopyException.class, () -> copy("COPY --chown=nobody files1 /x"));
    assertEquals(CopyException.Kind.UNKNOWN_USER, user.kind());
    assertEquals(2, user.line());
    CopyException group = assertThrows(CopyException.class, () -> copy("COPY --chown=bin:nogroup files1 /x"));
    assertEquals(CopyException.Kind.UNKNOWN_GROUP, group.kind());
  }

  @Test
  void namesNeedAPasswdFile() {
    CopyException e = assertThrows(CopyException.class,
        () -> describe(run("COPY --chown=bin files1 /x", context, new MemoryTree(), scratch)));
    assertEquals(CopyException.Kind.UNKNOWN_USER, e.kind());
  }

  @Test
  void octalChmodSetsEveryCopiedEntryButLinks() throws IOException {
    Map<String, String> layer = copy("COPY --chmod=644 dir /d/");
    assertEquals("file 0644 0:0 f", layer.get("d/f"));
    assertEquals("symlink 0777 0:0 f", layer.get("d/link"));
    assertEquals("dir 0755 0:0", layer.get("d"), "created parents are not chmodded");
    // fsutil applies the permission bits only (mode & 0777): dockerd 20.10 gave 0755 too
    assertEquals("file 0755 0:0 1", copy("COPY --chmod=4755 files1 /x").get("x"));
  }

  @Test
  void symbolicChmodAppliesToEachFilesOwnMode() throws IOException {
    assertEquals("file 0750 0:0 1", copy("COPY --chmod=u+x,g+x files1 /x").get("x"));
    assertEquals("file 0640 0:0 1", copy("COPY --chmod=a-x files1 /x").get("x"));
    // X grants execute only to directories and files someone may already execute
    Map<String, String> layer = copy("COPY --chmod=o+X files1 files2 /y/");
    assertEquals("file 0640 0:0 1", layer.get("y/files1"));
    assertEquals("file 0755 0:0 2", layer.get("y/files2"));
  }

  @Test
  void badChmodIsALocatedError() {
    CopyException octal = assertThrows(CopyException.class, () -> copy("COPY --chmod=8 files1 /x"));
    assertEquals("Dockerfile:2: invalid chmod parameter: '8'. it should be octal string and between 0 and 07777",
        octal.located("Dockerfile"));
    CopyException symbolic = assertThrows(CopyException.class, () -> copy("COPY --chmod=u+z files1 /x"));
    assertEquals(CopyException.Kind.INVALID_OPTION, symbolic.kind());
  }
}
