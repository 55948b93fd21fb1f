package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lade's store and archive commands, run in-process against a temporary store. */
class ImageCommandsTest {
  @TempDir Path dir;
  String root;
  String digest;

  @BeforeEach
  void importImage() throws IOException {
    root = dir.resolve("store").toString();
    Path rootfs = dir.resolve("rootfs.tar");
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(rootfs))) {
      TarArchiveEntry entry = new TarArchiveEntry("etc/hostname");
      entry.setSize(5);
      tar.putArchiveEntry(entry);
      tar.write("lade\n".getBytes());
      tar.closeArchiveEntry();
    }
    CliRun run = lade("import", rootfs.toString(), "hello:1");
    assertEquals(0, run.exitCode(), run.toString());
    digest = run.out().strip();
    assertTrue(digest.startsWith("sha256:"), run.toString());
  }

  @Test
  void imagesListsReferencesLikeDocker() {
    assertEquals(0, lade("tag", "hello:1", "example.com/team/hello").exitCode());
    List<String> lines = lade("images").out().lines().toList();
    assertTrue(lines.get(0).matches("REPOSITORY +TAG +DIGEST +CREATED +SIZE"), lines.get(0));
    String shortDigest = digest.substring(7, 19);
    assertTrue(lines.get(1).matches("hello +1 +" + shortDigest + " +(Less than a second|\\d+ seconds?) ago +[0-9.]+k?B"), lines.get(1));
    assertTrue(lines.get(2).matches("example.com/team/hello +latest +" + shortDigest + " .*"), lines.get(2));
    assertEquals(List.of(shortDigest, shortDigest), lade("images", "-q").out().lines().toList());
  }

  @Test
  void inspectShowsManifestAndConfig() {
    CliRun run = lade("inspect", "hello:1");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("\"Reference\": \"docker.io/library/hello:1\""), run.out());
    assertTrue(run.out().contains("\"Digest\": \"" + digest + "\""), run.out());
    assertTrue(run.out().contains("\"mediaType\": \"application/vnd.oci.image.manifest.v1+json\""), run.out());
    assertTrue(run.out().contains("\"diff_ids\": ["), run.out());
  }

  @Test
  void rmiThenPruneDeletesTheContent() {
    CliRun rmi = lade("rmi", "hello:1");
    assertEquals("Untagged: hello:1\n", rmi.out());
    assertEquals(List.of("REPOSITORY   TAG   DIGEST   CREATED   SIZE"), lade("images").out().lines().toList());
    CliRun prune = lade("prune");
    assertEquals(3, prune.out().lines().filter(l -> l.startsWith("deleted: sha256:")).count(), prune.out());
    assertTrue(prune.out().contains("Total reclaimed space: "), prune.out());
  }

  @Test
  void fsckFailsOnACorruptBlob() throws IOException {
    assertEquals(0, lade("fsck").exitCode());
    Path blob = Path.of(root, "blobs", "sha256", digest.substring(7));
    Files.writeString(blob, "{}");
    CliRun run = lade("fsck");
    assertEquals(ExitCode.FAILED, run.exitCode(), run.toString());
    assertTrue(run.out().contains("corrupt " + digest + ": content has digest sha256:44136fa3"), run.out());
  }

  @Test
  void saveAndLoadMoveImagesBetweenStores() throws IOException {
    for (String format : List.of("docker", "oci")) {
      Path archive = dir.resolve(format + ".tar");
      CliRun save = lade("save", "hello:1", "-o", archive.toString(), "--format", format);
      assertEquals(0, save.exitCode(), save.toString());
      String other = dir.resolve("other-" + format).toString();
      CliRun load = CliRun.of("--root", other, "load", "-i", archive.toString());
      assertEquals("Loaded image: hello:1\n", load.out(), load.toString());
      assertTrue(CliRun.of("--root", other, "inspect", "hello:1").out().contains(digest));
    }
  }

  @Test
  void badArchivesExitTwoWithOneLine() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.tar"), "junk");
    CliRun run = lade("load", "-i", junk.toString());
    assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.toString());
    assertTrue(run.err().startsWith("lade: invalid archive " + junk + ": "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    try (Stream<Path> tmp = Files.list(Path.of(root, ".lade", "tmp"))) {
      assertEquals(0, tmp.count(), "nothing left in the store's temp area");
    }
  }

  @Test
  void errorsMapToExitCodes() {
    CliRun missing = lade("inspect", "nope");
    assertEquals(ExitCode.FAILED, missing.exitCode());
    assertEquals("lade: no such image: nope\n", missing.err());
    assertEquals(ExitCode.BAD_INPUT, lade("tag", "hello:1", "Upper/Case").exitCode());
    assertEquals(ExitCode.BAD_INPUT, lade("save", "hello:1", "-o", dir.resolve("x").toString(), "--format", "zip").exitCode());
    assertEquals(ExitCode.BAD_INPUT, lade("import", dir.resolve("absent.tar").toString(), "x:1").exitCode());
  }

  private CliRun lade(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--root";
    all[1] = root;
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.of(all);
  }
}
