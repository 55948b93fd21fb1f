package dev.lade.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelGzipOutputStreamTest {
  static final int BLOCK = 64 * 1024;

  /** Text-like, random and zero runs, so blocks compress differently and use their dictionary. */
  static byte[] mixed(int size) {
    SplittableRandom random = new SplittableRandom(42);
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      int region = (i / 10_000) % 3;
      data[i] = switch (region) {
        case 0 -> (byte) "the quick brown fox jumps over the lazy dog ".charAt(i % 44);
        case 1 -> (byte) random.nextInt(256);
        default -> 0;
      };
    }
    return data;
  }

  static byte[] compress(byte[] data, int threads, int writeSize) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ParallelGzipOutputStream gzip = new ParallelGzipOutputStream(out, Deflater.DEFAULT_COMPRESSION, threads, BLOCK)) {
      for (int off = 0; off < data.length; off += writeSize) gzip.write(data, off, Math.min(writeSize, data.length - off));
    }
    return out.toByteArray();
  }

  static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, BLOCK, 3 * BLOCK, 1_000_003})
  void decompressesToTheInput(int size) throws Exception {
    byte[] data = mixed(size);
    assertArrayEquals(data, gunzip(compress(data, 3, 7919)));
  }

  @Test
  void bytesDoNotDependOnThreadCountOrWriteSizes() throws Exception {
    byte[] data = mixed(1_500_000);
    byte[] one = compress(data, 1, 1 << 20);
    assertArrayEquals(one, compress(data, 2, 4096));
    assertArrayEquals(one, compress(data, 8, 333));
  }

  @Test
  void headerMatchesGoCompressGzip() throws Exception {
    byte[] gz = compress(mixed(10), 2, 10);
    byte[] go = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    assertArrayEquals(go, java.util.Arrays.copyOf(gz, 10));
  }

  @Test
  void systemGzipAcceptsTheStream(@TempDir Path dir) throws Exception {
    assumeTrue(Processes.available("gzip"), "gzip is not installed");
    Path file = dir.resolve("data.gz");
    Files.write(file, compress(mixed(700_000), 4, 65_536));
    Processes.run(dir, "gzip", "-t", file.toString());
  }

  @Test
  void refusesBlocksSmallerThanTheDictionary() {
    assertThrows(IllegalArgumentException.class, () -> new ParallelGzipOutputStream(new ByteArrayOutputStream(), 6, 2, 1024));
  }
}
