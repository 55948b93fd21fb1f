package dev.lade.oci.layer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;

/**
 * Gzip compression spread over threads, as pigz does: the input is cut into blocks, each block is
 * compressed independently by a {@link BlockDeflater} (deflated with the previous 32 KiB of input
 * as its dictionary, parts that would not shrink stored) and ends on a byte boundary, and the
 * pieces are joined in order into one gzip member. The output depends only on the input, the
 * level and the block size, never on the number of threads. At most two blocks per thread are in flight, so memory stays bounded.
 */
public final class ParallelGzipOutputStream extends OutputStream {
  /** The block size pigz uses by default (128 KiB) is small for layers; 1 MiB is the default here. */
  public static final int DEFAULT_BLOCK_SIZE = 1 << 20;

  private final OutputStream out;
  private final BlockDeflater deflater;
  private final int blockSize;
  private final ExecutorService pool;
  private final int maxInFlight;
  private final ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
  private final CRC32 crc = new CRC32();
  private byte[] block;
  private int filled;
  private byte[] previous;
  private long length;
  private boolean closed;

  /**
   * Compresses into {@code out} at {@code level} with {@code threads} threads (a pool this stream
   * owns and shuts down on close) and blocks of {@code blockSize} bytes.
   */
  public ParallelGzipOutputStream(OutputStream out, int level, int threads, int blockSize)
      throws IOException {
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    if (blockSize < BlockDeflater.DICTIONARY) throw new IllegalArgumentException("block size must be at least 32 KiB, got " + blockSize);
    this.out = out;
    this.deflater = new BlockDeflater(level);
    this.blockSize = blockSize;
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "lade-gzip");
      t.setDaemon(true);
      return t;
    });
    this.maxInFlight = threads * 2;
    this.block = new byte[blockSize];
    GzipMember.writeHeader(out, level);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (closed) throw new IOException("stream closed");
    crc.update(b, off, len);
    length += len;
    while (len > 0) {
      int n = Math.min(len, blockSize - filled);
      System.arraycopy(b, off, block, filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == blockSize) submit(false);
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush(); // a deflate flush here would make the bytes depend on when callers flush
  }

  /** Compresses what is left, writes the trailer, and closes the underlying stream. */
  @Override
  public void close() throws IOException {
    if (closed) return;
    try {
      submit(true);
      while (!inFlight.isEmpty()) writeOldest();
      GzipMember.writeTrailer(out, crc.getValue(), length);
    } finally {
      closed = true;
      pool.shutdownNow();
      out.close();
    }
  }

  private void submit(boolean last) throws IOException {
    // Only full blocks go on to be a dictionary: the last one, submitted with its length, needs no copy.
    byte[] input = block;
    int length = filled;
    byte[] dictionary = previous;
    inFlight.add(pool.submit(() -> deflater.compress(input, length, dictionary, last)));
    previous = input;
    if (!last) block = new byte[blockSize];
    filled = 0;
    while (inFlight.size() >= maxInFlight) writeOldest();
  }

  private void writeOldest() throws IOException {
    try {
      out.write(inFlight.removeFirst().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing");
    } catch (ExecutionException e) {
      throw new IOException("gzip block compression failed", e.getCause());
    }
  }
}
