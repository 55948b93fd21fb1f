package dev.lade.registry.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SequentialBlobSourceTest {
  private final byte[] content = "0123456789abcdefghij".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private final AtomicInteger opens = new AtomicInteger();
  private final SequentialBlobSource source = new SequentialBlobSource(SequentialBlobSource.fromStart(() -> {
    opens.incrementAndGet();
    return new ByteArrayInputStream(content);
  }));

  private byte[] read(long offset, int length) throws Exception {
    try (InputStream in = source.open(offset)) {
      return in.readNBytes(length);
    }
  }

  @Test
  void chunksInOrderShareOneStream() throws Exception {
    assertArrayEquals("01234".getBytes(), read(0, 5));
    assertArrayEquals("56789".getBytes(), read(5, 5));
    assertArrayEquals("abcdefghij".getBytes(), read(10, 10));
    assertEquals(1, opens.get());
  }

  @Test
  void anEarlierOffsetOpensAnewAndALaterOneSkips() throws Exception {
    read(0, 8);
    assertArrayEquals("34".getBytes(), read(3, 2));
    assertArrayEquals("ef".getBytes(), read(14, 2));
    assertEquals(2, opens.get());
  }

  @Test
  void aSourceThatOpensAtAnOffsetIsAskedForIt() throws Exception {
    List<Long> asked = new ArrayList<>();
    SequentialBlobSource ranged = new SequentialBlobSource(offset -> {
      asked.add(offset);
      return new ByteArrayInputStream(content, (int) offset, content.length - (int) offset);
    });

    try (InputStream in = ranged.open(12)) {
      assertArrayEquals("cdef".getBytes(), in.readNBytes(4));
    }
    try (InputStream in = ranged.open(3)) {
      assertArrayEquals("345".getBytes(), in.readNBytes(3));
    }

    assertEquals(List.of(12L, 3L), asked, "a download resumes with Range rather than from the start");
  }
}
