package dev.lade.buildkit.fs.copy;

import static dev.lade.buildkit.fs.copy.CopyHarness.describe;
import static dev.lade.buildkit.fs.copy.CopyHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.luben.zstd.ZstdOutputStream;
import dev.lade.buildkit.fs.CopyException;
import dev.lade.buildkit.fs.CopyResult;
import dev.lade.buildkit.fs.fetch.FetchedFile;
import dev.lade.buildkit.fs.fetch.UrlFetcher;
import dev.lade.buildkit.fs.testing.MemoryTree;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerOptions;
import dev.lade.oci.layer.LayerWriter;
import dev.lade.oci.image.Compression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ADD: local archives unpacked by content, URLs fetched with --checksum. */
class AddTest {
  @TempDir Path scratch;
  private static final Instant TAR_TIME = Instant.parse("2001-02-03T04:05:06Z");

  private static byte[] tar() throws IOException {
    byte[] data = "from the archive".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LayerWriter writer = new LayerWriter(LayerOptions.defaults().withCompression(Compression.NONE));
    writer.write(List.of(
        new LayerEntry.Directory("pkg", EntryMetadata.of(0711, 7, 8, TAR_TIME)),
        new LayerEntry.File("pkg/readme", EntryMetadata.of(0604, 7, 8, TAR_TIME), data.length,
            () -> new ByteArrayInputStream(data)),
        new LayerEntry.Hardlink("pkg/second", "pkg/readme", EntryMetadata.of(0604, 7, 8, TAR_TIME))), out);
    return out.toByteArray();
  }

  private static byte[] compress(byte[] raw, Function<OutputStream, OutputStream> wrap) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream c = wrap.apply(out)) {
      c.write(raw);
    }
    return out.toByteArray();
  }

  private static OutputStream unchecked(IOExceptionSupplier s) {
    try {
      return s.get();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  interface IOExceptionSupplier {
    OutputStream get() throws IOException;
  }

  private Map<String, String> add(String instruction, byte[] archive, String name) throws IOException {
    MemoryTree context = new MemoryTree().put(new LayerEntry.File(name, EntryMetadata.root(0644), archive.length,
        () -> new ByteArrayInputStream(archive)));
    return describe(run(instruction, context, new MemoryTree(), scratch));
  }

  @Test
  void localArchivesAreUnpackedWhateverTheirCompression() throws IOException {
    byte[] tar = tar();
    List<byte[]> forms = List.of(tar,
        compress(tar, o -> unchecked(() -> new java.util.zip.GZIPOutputStream(o))),
        compress(tar, o -> unchecked(() -> new BZip2CompressorOutputStream(o))),
        compress(tar, o -> unchecked(() -> new ZstdOutputStream(o))));
    for (byte[] form : forms) {
      // Detected by content: the name says nothing.
      Map<String, String> layer = add("ADD data.bin /opt/", form, "data.bin");
      assertEquals("dir 0711 7:8", layer.get("opt/pkg"));
      assertEquals("file 0604 7:8 from the archive", layer.get("opt/pkg/readme"));
      assertEquals("hardlink 0604 7:8 opt/pkg/readme", layer.get("opt/pkg/second"));
    }
  }

  /** xz, made by xz-utils as BuildKit's {@code xz -d} reads it, whatever its level and check. */
  @Test
  void xzArchivesAreUnpacked() throws IOException, InterruptedException {
    Path xz = Path.of("/usr/bin/xz");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(xz),
        "needs xz-utils' /usr/bin/xz to make the archive (tools/test-packages.txt)");
    Path tar = java.nio.file.Files.write(scratch.resolve("a.tar"), tar());
    for (String level : List.of("-0", "-9")) {
      Process p = new ProcessBuilder(xz.toString(), level, "--check=sha256", "-k", "-c", tar.toString())
          .redirectOutput(scratch.resolve("a.tar.xz").toFile()).start();
      assertEquals(0, p.waitFor());
      Map<String, String> layer = add("ADD data /opt/", java.nio.file.Files.readAllBytes(scratch.resolve("a.tar.xz")), "data");
      assertEquals("file 0604 7:8 from the archive", layer.get("opt/pkg/readme"));
      assertEquals("hardlink 0604 7:8 opt/pkg/readme", layer.get("opt/pkg/second"));
    }
  }

  @Test
  void archivedSymlinksGetMode0777WhateverTheirHeaderSays() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new LayerWriter(LayerOptions.defaults().withCompression(Compression.NONE)).write(List.of(
        new LayerEntry.Symlink("l/sym", "../../etc/shadow", EntryMetadata.of(0644, 7, 8, TAR_TIME))), out);
    Map<String, String> layer = add("ADD links.tar /lk/", out.toByteArray(), "links.tar");
    assertEquals("symlink 0777 7:8 ../../etc/shadow", layer.get("lk/l/sym"));
  }

  @Test
  void archiveEntriesKeepTheirTimesAndTakeTheChownOwner() throws IOException {
    MemoryTree context = new MemoryTree().put(new LayerEntry.File("a.tar", EntryMetadata.root(0644), tar().length,
        () -> new ByteArrayInputStream(tar())));
    CopyResult result = run("ADD --chown=3:4 a.tar /x", context, new MemoryTree(), scratch);
    assertEquals("file 0604 3:4 from the archive", describe(result).get("x/pkg/readme"));
    assertEquals("dir 0755 3:4", describe(result).get("x"));
    assertEquals(TAR_TIME, CopyHarness.mtime(result, "x/pkg/readme"));
  }

  @Test
  void copyNeverUnpacksAndNeitherDoesANonArchive() throws IOException {
    byte[] tar = tar();
    CopyResult copied = run("COPY a.tar /x", new MemoryTree().put(new LayerEntry.File("a.tar",
        EntryMetadata.root(0644), tar.length, () -> new ByteArrayInputStream(tar))), new MemoryTree(), scratch);
    LayerEntry.File file = (LayerEntry.File) copied.entries().stream()
        .filter(e -> e.path().equals("x")).findFirst().orElseThrow();
    assertEquals(tar.length, file.size());
    Map<String, String> text = add("ADD notes.tar.gz /x", "just text".getBytes(StandardCharsets.UTF_8), "notes.tar.gz");
    assertEquals("file 0644 0:0 just text", text.get("x"));
  }

  @Test
  void urlsAreFetchedWithMode0600AndLastModified() throws IOException {
    Instant modified = Instant.parse("2015-10-21T07:28:00Z");
    UrlFetcher fetcher = (url, algorithm, dir) -> {
      Path f = Files.writeString(dir.resolve("dl"), "remote");
      return new FetchedFile(f, 6, Digest.sha256("remote".getBytes(StandardCharsets.UTF_8)), Optional.of(modified));
    };
    CopyResult result = run("ADD https://example.com/files/tool.tgz /usr/local/bin/", new MemoryTree(),
        new MemoryTree(), "/", scratch, fetcher);
    assertEquals("file 0600 0:0 remote", describe(result).get("usr/local/bin/tool.tgz"));
    assertEquals(modified, CopyHarness.mtime(result, "usr/local/bin/tool.tgz"));

    String good = "--checksum=" + Digest.sha256("remote".getBytes(StandardCharsets.UTF_8));
    assertEquals("file 0600 0:0 remote", describe(run("ADD " + good + " https://example.com/ /x", new MemoryTree(),
        new MemoryTree(), "/", scratch, fetcher)).get("x"));
    String bad = "--checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d";
    CopyException e = assertThrows(CopyException.class, () -> run("ADD " + bad + " https://example.com/x /x",
        new MemoryTree(), new MemoryTree(), "/", scratch, fetcher));
    assertEquals(CopyException.Kind.CHECKSUM_MISMATCH, e.kind());
  }

  @Test
  void urlFileNamesFollowBuildKit() {
    assertEquals("tool.tgz", RemoteSources.fileName(java.net.URI.create("https://example.com/files/tool.tgz?x=1")));
    assertEquals("__unnamed__", RemoteSources.fileName(java.net.URI.create("https://example.com/")));
    assertEquals("__unnamed__", RemoteSources.fileName(java.net.URI.create("https://example.com")));
  }

  @Test
  void copyRefusesUrlsAndGitIsNotSupportedYet() {
    CopyException url = assertThrows(CopyException.class,
        () -> add("COPY https://example.com/a /x", new byte[0], "unused"));
    assertEquals("source can't be a URL for COPY", url.reason());
    CopyException git = assertThrows(CopyException.class,
        () -> add("ADD https://github.com/moby/buildkit.git /src", new byte[0], "unused"));
    assertEquals(CopyException.Kind.NOT_SUPPORTED, git.kind());
    assertEquals(2, git.line());
  }
}
