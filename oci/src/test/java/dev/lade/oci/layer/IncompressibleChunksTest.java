package dev.lade.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IncompressibleChunksTest {
  static final int CHUNK = IncompressibleChunks.CHUNK;

  static byte[] random(int size, long seed) {
    byte[] data = new byte[size];
    new SplittableRandom(seed).nextBytes(data);
    return data;
  }

  @Test
  void everyChunkOfRandomBytesIsStored() {
    boolean[] stored = IncompressibleChunks.classify(random(256 * CHUNK, 7), 256 * CHUNK);
    for (int i = 0; i < stored.length; i++) assertEquals(true, stored[i], "chunk " + i);
  }

  @Test
  void textAndZerosAreDeflated() {
    byte[] text = "FROM scratch\nCOPY . /data/\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(new boolean[] {false, false}, IncompressibleChunks.classify(text, 2 * CHUNK));
    assertArrayEquals(new boolean[] {false}, IncompressibleChunks.classify(new byte[CHUNK], CHUNK));
  }

  @Test
  void eachChunkIsJudgedOnItsOwn() {
    byte[] data = new byte[4 * CHUNK];
    System.arraycopy(random(2 * CHUNK, 3), 0, data, CHUNK, 2 * CHUNK); // zeros, random, random, zeros
    assertArrayEquals(new boolean[] {false, true, true, false}, IncompressibleChunks.classify(data, data.length));
  }

  @Test
  void aShortLastChunkIsJudgedOnWhatItHas() {
    byte[] data = random(CHUNK + 16, 5);
    // 16 bytes spread over 16 values would code as 4 bits each: worth deflating.
    for (int i = 0; i < 16; i++) data[CHUNK + i] = (byte) i;
    assertArrayEquals(new boolean[] {true, false}, IncompressibleChunks.classify(data, data.length));
  }

  @Test
  void bytesAfterTheLengthAreIgnored() {
    byte[] data = random(3 * CHUNK, 9);
    assertEquals(2, IncompressibleChunks.classify(data, 2 * CHUNK).length);
    assertEquals(0, IncompressibleChunks.classify(data, 0).length);
  }
}
