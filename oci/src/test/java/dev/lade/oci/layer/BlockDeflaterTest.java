package dev.lade.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class BlockDeflaterTest {
  static final int BLOCK = 256 * 1024;
  final BlockDeflater deflater = new BlockDeflater(Deflater.DEFAULT_COMPRESSION);

  /** Raw deflate data inflated; whether the stream's final block was seen. */
  record Inflated(byte[] bytes, boolean finished) {}

  static Inflated inflate(byte[]... pieces) throws DataFormatException {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (byte[] p : pieces) joined.writeBytes(p);
    Inflater inflater = new Inflater(true);
    inflater.setInput(joined.toByteArray());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = inflater.inflate(buffer)) > 0) out.write(buffer, 0, n);
    boolean finished = inflater.finished();
    inflater.end();
    return new Inflated(out.toByteArray(), finished);
  }

  @Test
  void randomBytesAreStoredAsTheyAre() throws Exception {
    byte[] random = IncompressibleChunksTest.random(BLOCK, 11);
    byte[] out = deflater.compress(random, BLOCK, null, false);
    // Four stored blocks of at most 65,535 bytes, five header bytes each: no deflate, no flush.
    assertEquals(BLOCK + 5 * 5, out.length);
    assertArrayEquals(random, inflate(out).bytes());
  }

  @Test
  void textIsDeflated() throws Exception {
    byte[] text = ParallelGzipOutputStreamTest.mixed(30_000); // one text region, one random, one zero
    byte[] input = Arrays.copyOf(text, BLOCK); // then zeros
    byte[] out = deflater.compress(input, BLOCK, null, true);
    assertTrue(out.length < 12_000, "compressed to " + out.length);
    Inflated back = inflate(out);
    assertArrayEquals(input, back.bytes());
    assertTrue(back.finished());
  }

  @Test
  void blocksJoinIntoOneStreamAndUseThePreviousBlockAsDictionary() throws Exception {
    byte[] data = ParallelGzipOutputStreamTest.mixed(3 * BLOCK + 1000);
    byte[] first = Arrays.copyOfRange(data, 0, BLOCK);
    byte[] second = Arrays.copyOfRange(data, BLOCK, 2 * BLOCK);
    byte[] third = Arrays.copyOfRange(data, 2 * BLOCK, data.length);
    byte[][] pieces = {
      deflater.compress(first, BLOCK, null, false),
      deflater.compress(second, BLOCK, first, false),
      deflater.compress(third, third.length, second, true),
    };
    Inflated joined = inflate(pieces);
    assertArrayEquals(data, joined.bytes());
    assertTrue(joined.finished());
    assertFalse(inflate(pieces[0], pieces[1]).finished(), "only the last block ends the stream");
  }

  @Test
  void aBlockEndingInStoredBytesCanEndTheStream() throws Exception {
    byte[] input = new byte[BLOCK];
    System.arraycopy(IncompressibleChunksTest.random(BLOCK / 2, 13), 0, input, BLOCK / 2, BLOCK / 2);
    Inflated back = inflate(deflater.compress(input, BLOCK, null, true));
    assertArrayEquals(input, back.bytes());
    assertTrue(back.finished());
  }

  @Test
  void anEmptyLastBlockEndsTheStream() throws Exception {
    byte[] previous = IncompressibleChunksTest.random(BLOCK, 17);
    Inflated back = inflate(deflater.compress(previous, BLOCK, null, false), deflater.compress(new byte[0], 0, previous, true));
    assertArrayEquals(previous, back.bytes());
    assertTrue(back.finished());
  }

  @Test
  void sameInputSameBytes() {
    byte[] data = ParallelGzipOutputStreamTest.mixed(BLOCK);
    assertArrayEquals(deflater.compress(data, BLOCK, null, true), new BlockDeflater(Deflater.DEFAULT_COMPRESSION).compress(data, BLOCK, null, true));
  }
}
