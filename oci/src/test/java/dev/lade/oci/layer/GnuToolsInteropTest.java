package dev.lade.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.image.Compression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers as GNU tar, gzip and zstd see them. */
class GnuToolsInteropTest {
  @TempDir Path dir;

  @BeforeAll
  static void tools() {
    assumeTrue(Processes.available("tar") && Processes.available("gzip"), "GNU tar and gzip are not installed");
  }

  @Test
  void gzipAcceptsLayersAndTarListsNamesModesOwnersAndLinks() throws Exception {
    Path layer = dir.resolve("layer.tar.gz");
    Files.write(layer, Entries.write(LayerOptions.defaults(), LayerRoundTripTest.everyKind()));
    Processes.run(dir, "gzip", "-t", layer.toString());

    Map<String, String> listing = listing(Processes.run(dir, "tar", "--numeric-owner", "-tvzf", layer.toString()));
    assertEquals("drwxr-xr-x 0/0 0", listing.get("etc/"));
    assertEquals("drwxrwxrwt 0/0 0", listing.get("tmp/"));
    assertEquals("-rwsr-xr-x 0/0 4", listing.get("usr/bin/ping"));
    assertEquals("hrwsr-xr-x 0/0 0", listing.get("usr/bin/ping6 link to usr/bin/ping"));
    assertEquals("lrwxrwxrwx 0/0 0", listing.get("usr/bin/sh -> /bin/busybox"));
    assertEquals("crw-rw-rw- 0/0 1,3", listing.get("dev/null"));
    assertEquals("brw-rw---- 0/6 8,0", listing.get("dev/sda"));
    assertEquals("prw------- 0/0 0", listing.get("run/initctl"));
    assertEquals("---------- 0/0 0", listing.get("var/cache/.wh.apt"));
    assertEquals("---------- 0/0 0", listing.get("opt/.wh..wh..opq"));
    assertEquals("-rw-r----- 3000000/5000000 0", listing.get("home/user/.profile"));
    assertEquals("-rwxr-sr-x 0/0 1", listing.get("setgid"));
    assertEquals("-rw-r--r-- 0/0 9", listing.get("x".repeat(300)));
    assertEquals("-rw-r--r-- 0/0 4", listing.get("d".repeat(120) + "/" + "f".repeat(90)));
    assertEquals("-rw-r--r-- 0/0 9", listing.get("données/été.txt"));
    assertTrue(listing.keySet().stream().noneMatch(n -> n.contains("PaxHeaders")), listing.keySet().toString());
  }

  @Test
  void tarShowsTimesTruncatedToSecondsAndXattrs() throws Exception {
    Path layer = dir.resolve("layer.tar");
    EntryMetadata m = EntryMetadata.of(0755, 0, 0, java.time.Instant.parse("2023-11-14T22:13:20.987654321Z"))
        .withXattr("security.capability", LayerRoundTripTest.CAPABILITY);
    Files.write(layer, Entries.tar(List.of(new LayerEntry.File("bin/ping", m, 0, () -> java.io.InputStream.nullInputStream()))));
    String verbose = Processes.run(dir, "tar", "--numeric-owner", "--full-time", "--xattrs", "--xattrs-include=*", "-tvvf", layer.toString());
    assertTrue(verbose.contains("2023-11-14 22:13:20 bin/ping"), verbose);
    String xattrs = Processes.run(dir, "tar", "--xattrs", "--xattrs-include=*", "-tvvvf", layer.toString());
    assertTrue(xattrs.contains("security.capability"), xattrs);
  }

  @Test
  void zstdLayersDecodeWithTheZstdTool() throws Exception {
    assumeTrue(Processes.available("zstd"), "the zstd CLI is not installed; zstd layers are only checked by the round-trip test through zstd-jni");
    Path layer = dir.resolve("layer.tar.zst");
    Files.write(layer, Entries.write(LayerOptions.defaults().withCompression(Compression.ZSTD), LayerRoundTripTest.everyKind()));
    Processes.run(dir, "zstd", "-q", "-d", layer.toString(), "-o", dir.resolve("layer.tar").toString());
    assertArrayEquals(Entries.tar(LayerRoundTripTest.everyKind()), Files.readAllBytes(dir.resolve("layer.tar")));
  }

  /** "NAME" (with " -> T" or " link to T") to "MODE OWNER SIZE" of {@code tar -tv} lines. */
  static Map<String, String> listing(String tarOutput) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String line : tarOutput.split("\n")) {
      if (line.isBlank()) continue;
      String[] f = line.trim().split(" +", 6);
      byName.put(f[5], String.join(" ", Arrays.asList(f).subList(0, 3)));
    }
    return byName;
  }
}
