package dev.lade.oci.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigestingStreamsTest {
  private static byte[] randomBytes(int size) {
    byte[] data = new byte[size];
    new Random(42).nextBytes(data);
    return data;
  }

  @Test
  void inputStreamHashesAndCountsWhatIsRead() throws IOException {
    byte[] data = randomBytes(100_000);
    try (DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(data))) {
      assertEquals(data[0] & 0xff, in.read());
      byte[] rest = in.readAllBytes();
      assertEquals(data.length - 1, rest.length);
      assertEquals(Digest.sha256(data), in.digest());
      assertEquals(data.length, in.size());
    }
  }

  @Test
  void skippedBytesAreStillHashed() throws IOException {
    byte[] data = randomBytes(20_000);
    try (DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(data))) {
      assertEquals(10_000, in.skip(10_000));
      in.readAllBytes();
      assertEquals(Digest.sha256(data), in.digest());
      assertFalse(in.markSupported());
    }
  }

  @Test
  void digestMidwayDoesNotDisturbTheRunningHash() throws IOException {
    byte[] data = randomBytes(1000);
    DigestingInputStream in =
        new DigestingInputStream(new ByteArrayInputStream(data), DigestAlgorithm.SHA512);
    in.readNBytes(10);
    Digest partial = in.digest();
    in.readAllBytes();
    assertEquals(Digest.of(DigestAlgorithm.SHA512, java.util.Arrays.copyOf(data, 10)), partial);
    assertEquals(Digest.of(DigestAlgorithm.SHA512, data), in.digest());
  }

  @Test
  void outputStreamHashesCountsAndPassesBytesOn() throws IOException {
    byte[] data = randomBytes(70_000);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (DigestingOutputStream out = new DigestingOutputStream(sink)) {
      out.write(data, 0, 5);
      out.write(data[5]);
      out.write(data, 6, data.length - 6);
      assertEquals(Digest.sha256(data), out.digest());
      assertEquals(data.length, out.size());
    }
    assertArrayEquals(data, sink.toByteArray());
  }

  @Test
  void discardingStreamOnlyHashes() throws IOException {
    byte[] data = randomBytes(300);
    DigestingOutputStream out = DigestingOutputStream.discarding();
    try (OutputStream o = out) {
      o.write(data);
    }
    assertEquals(Digest.sha256(data), out.digest());
    assertEquals(300, out.size());
  }
}
