package dev.lade.buildkit.fs.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ADD's xz archives: what xz-utils' {@code xz} writes, with its presets, checks, blocks, LZMA2 options and filters,
 * comes out of {@link LocalArchives} as written, as BuildKit's {@code xz -d} gives it.
 */
class XzArchivesTest {
  private static final Path XZ = Path.of("/usr/bin/xz");
  private static byte[] data;

  /** Text that repeats at every distance, random bytes that do not (stored chunks), and long runs. */
  @BeforeAll
  static void data() {
    assumeTrue(Files.isExecutable(XZ), "needs xz-utils' /usr/bin/xz to make test streams (tools/test-packages.txt)");
    Random random = new Random(42);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; out.size() < 400_000; i++) {
      switch (i % 4) {
        case 0 -> out.writeBytes(("line " + random.nextInt(5000) + " of a tar archive's text\n").repeat(3)
            .getBytes(StandardCharsets.UTF_8));
        case 1 -> {
          byte[] noise = new byte[random.nextInt(10_000)];
          random.nextBytes(noise);
          out.writeBytes(noise);
        }
        case 2 -> out.writeBytes(new byte[random.nextInt(40_000)]);
        default -> out.writeBytes(("drwxr-xr-x " + i + " ").repeat(random.nextInt(200)).getBytes(StandardCharsets.UTF_8));
      }
    }
    data = out.toByteArray();
  }

  private static byte[] xz(byte[] input, String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(XZ.toString(), "-c", "-T1"));
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Thread feeder = Thread.ofVirtual().start(() -> {
      try (var stdin = process.getOutputStream()) {
        stdin.write(input);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    byte[] compressed = process.getInputStream().readAllBytes();
    feeder.join();
    assertEquals(true, process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "xz " + options);
    return compressed;
  }

  private static byte[] decode(byte[] compressed) throws IOException {
    try (InputStream in = LocalArchives.openTar(() -> new ByteArrayInputStream(compressed), ArchiveFormat.XZ)) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0", "-6", "--check=crc32", "--check=none", "--check=sha256", "--block-size=100KiB",
      "--lzma2=dict=4KiB,lc=0,lp=2,pb=0"})
  void decodesWhatXzWrites(String options) throws IOException, InterruptedException {
    assertArrayEquals(data, decode(xz(data, options.split(" "))));
  }

  @Test
  void emptyInputAndSingleBytes() throws IOException, InterruptedException {
    assertArrayEquals(new byte[0], decode(xz(new byte[0])));
    byte[] ab = xz("ab".getBytes(StandardCharsets.UTF_8));
    try (InputStream in = LocalArchives.openTar(() -> new ByteArrayInputStream(ab), ArchiveFormat.XZ)) {
      assertEquals('a', in.read());
      assertEquals('b', in.read());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void concatenatedStreamsWithPaddingAreOneStream() throws IOException, InterruptedException {
    byte[] first = xz("first\n".getBytes(StandardCharsets.UTF_8));
    byte[] second = xz("second\n".getBytes(StandardCharsets.UTF_8), "--check=sha256");
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.writeBytes(first);
    both.writeBytes(new byte[8]);
    both.writeBytes(second);
    assertEquals("first\nsecond\n", new String(decode(both.toByteArray()), StandardCharsets.UTF_8));
  }

  @Test
  void corruptionIsDetected() throws IOException, InterruptedException {
    byte[] compressed = xz(data, "-1");
    for (int at : new int[] {3, 7, 20, compressed.length / 2, compressed.length - 20}) {
      byte[] broken = compressed.clone();
      broken[at] ^= 0x10;
      assertThrows(IOException.class, () -> decode(broken), "byte " + at);
    }
    byte[] truncated = java.util.Arrays.copyOf(compressed, compressed.length - 30);
    assertThrows(IOException.class, () -> decode(truncated));
  }

  /** BuildKit runs xz -d, which undoes every filter xz writes: branch converters and delta before LZMA2 too. */
  @ParameterizedTest
  @ValueSource(strings = {"--x86 --lzma2", "--arm64 --lzma2", "--delta=dist=4 --lzma2", "--sparc --lzma2=preset=1"})
  void filtersBeforeLzma2AreUndone(String options) throws IOException, InterruptedException {
    assertArrayEquals(data, decode(xz(data, options.split(" "))));
  }
}
