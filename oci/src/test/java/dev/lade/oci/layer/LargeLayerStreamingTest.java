package dev.lade.oci.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.image.Compression;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A 200 MB file goes through the writer with only a bounded amount of it in flight. */
class LargeLayerStreamingTest {
  static final long SIZE = 200L * 1024 * 1024;
  static final long MAX_IN_FLIGHT = 1024 * 1024;

  /** Generated on the fly: a random run of {@code randomRun} bytes every 64 KiB, zeros between. */
  static final class SparseRandom extends InputStream {
    private final SplittableRandom random = new SplittableRandom(1);
    private final long size;
    private final int randomRun;
    private long position;

    SparseRandom(long size, int randomRun) {
      this.size = size;
      this.randomRun = randomRun;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= size) return -1;
      int n = (int) Math.min(len, size - position);
      for (int i = 0; i < n; i++) b[off + i] = (position + i) % 65_536 < randomRun ? (byte) random.nextInt() : 0;
      position += n;
      return n;
    }
  }

  /** Counts what arrives and checks, at every write, how far the source ran ahead of it. */
  static final class Watching extends OutputStream {
    final SparseRandom source;
    long received;
    long maxAhead;

    Watching(SparseRandom source) {
      this.source = source;
    }

    @Override
    public void write(int b) {
      write(new byte[1], 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      received += len;
      maxAhead = Math.max(maxAhead, source.position - received);
    }
  }

  @Test
  void twoHundredMegabytesStreamWithBoundedBuffering() throws Exception {
    SparseRandom source = new SparseRandom(SIZE, 4096);
    Watching destination = new Watching(source);
    LayerEntry.File big = new LayerEntry.File("big.bin", EntryMetadata.root(0644), SIZE, () -> source);
    WrittenLayer layer = new LayerWriter(LayerOptions.defaults().withCompression(Compression.NONE)).write(List.of(big), destination);
    assertEquals(SIZE, source.position);
    assertEquals(512 + SIZE + 1024, layer.size());
    assertEquals(layer.size(), destination.received);
    assertEquals(layer.digest(), layer.diffId());
    assertTrue(destination.maxAhead <= MAX_IN_FLIGHT, "source ran " + destination.maxAhead + " bytes ahead of the destination");
  }

  @Test
  void parallelGzipKeepsAtMostTwoBlocksPerThreadInFlight() throws Exception {
    // Random data barely compresses, so compressed bytes track the input they came from.
    long size = 8L * 1024 * 1024;
    int threads = 4;
    int block = 128 * 1024;
    SparseRandom source = new SparseRandom(size, 65_536);
    Watching destination = new Watching(source);
    LayerEntry.File big = new LayerEntry.File("random.bin", EntryMetadata.root(0644), size, () -> source);
    LayerOptions options = LayerOptions.defaults().withLevel(1).withParallelGzip(threads, block);
    new LayerWriter(options).write(List.of(big), destination);
    assertEquals(size, source.position);
    long bound = (2L * threads + 1) * block + 2 * 64 * 1024;
    assertTrue(destination.maxAhead <= bound, "source ran " + destination.maxAhead + " bytes ahead, bound " + bound);
  }
}
