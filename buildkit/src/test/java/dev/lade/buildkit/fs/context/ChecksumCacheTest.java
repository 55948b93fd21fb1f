package dev.lade.buildkit.fs.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.buildkit.fs.HashedContent;
import dev.lade.dockerfile.ignore.IgnorePatterns;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumCacheTest {
  private static final Instant OLD = Instant.parse("2020-01-02T03:04:05Z");
  /** A clock well after the files' times, so none of them is too recent to remember. */
  private static final Clock LATER = Clock.fixed(Instant.now().plusSeconds(3600), ZoneOffset.UTC);
  private static final byte[] PLANTED = new byte[32];

  @TempDir Path dir;
  Path context;
  Path file;

  @BeforeEach
  void context() throws IOException {
    context = Files.createDirectories(dir.resolve("context"));
    file = context.resolve("a.txt");
    Files.writeString(file, "alpha\n");
    Files.setLastModifiedTime(file, FileTime.from(OLD));
    Arrays.fill(PLANTED, (byte) 7);
  }

  @Test
  void anUnchangedFileIsNotReadAgainAcrossBuilds() throws IOException {
    ChecksumCache cache = ChecksumCache.open(dir.resolve("sums"), LATER);
    assertArrayEquals(sha256("alpha\n"), hash(cache));
    // Plant a different checksum for the same stamp: it is what comes back, so the file was not read.
    cache.put(file.toRealPath(), stamp(), PLANTED);
    cache.save();
    assertArrayEquals(PLANTED, hash(ChecksumCache.open(dir.resolve("sums"), LATER)));
  }

  @Test
  void newContentIsHashedEvenWithTheOldSizeAndTime() throws IOException {
    ChecksumCache cache = ChecksumCache.open(dir.resolve("sums"), LATER);
    cache.put(file.toRealPath(), stamp(), PLANTED);
    Files.writeString(file, "ALPHA\n");
    Files.setLastModifiedTime(file, FileTime.from(OLD)); // the change time still moves
    assertArrayEquals(sha256("ALPHA\n"), hash(cache));
  }

  @Test
  void aFileChangedJustNowIsNotRemembered() throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    ChecksumCache cache = ChecksumCache.open(dir.resolve("sums"), Clock.systemUTC());
    cache.put(file.toRealPath(), stamp(), PLANTED);
    assertArrayEquals(sha256("alpha\n"), hash(cache));
    cache.save();
    assertTrue(Files.notExists(dir.resolve("sums")), "nothing to save");
  }

  @Test
  void aDamagedCacheIsIgnored() throws IOException {
    Files.writeString(dir.resolve("sums"), "zz".repeat(32) + " 1 2 3 4 5 /a.txt\n");
    assertArrayEquals(sha256("alpha\n"), hash(ChecksumCache.open(dir.resolve("sums"), LATER)));
  }

  private byte[] hash(ChecksumCache cache) throws IOException {
    ContextTree tree = ContextTree.open(context, IgnorePatterns.empty(), cache);
    LayerEntry.File entry = (LayerEntry.File) tree.lookup("a.txt").orElseThrow();
    return ((HashedContent) entry.content()).sha256();
  }

  private FileStamp stamp() throws IOException {
    return FileStamp.of(Files.readAttributes(file, "unix:dev,ino,size,lastModifiedTime,ctime"));
  }

  private static byte[] sha256(String text) {
    return HexFormat.of().parseHex(Digest.sha256(text.getBytes(StandardCharsets.UTF_8)).hex());
  }
}
