package dev.lade.registry.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StreamPublisherTest {

  @Test
  void deliversTheWholeStreamInOrderOneBufferPerRequest() throws Exception {
    byte[] body = new byte[10_000];
    for (int i = 0; i < body.length; i++) body[i] = (byte) (i * 31);
    Collector collector = new Collector();
    new StreamPublisher(() -> new ByteArrayInputStream(body), 4096).subscribe(collector);
    assertTrue(collector.done.await(10, TimeUnit.SECONDS), "no onComplete");
    assertArrayEquals(body, collector.received.toByteArray());
    assertNull(collector.error.get(), () -> "failed: " + collector.error.get());
  }

  @Test
  void askingForMoreNeverWaitsOnAStreamThatBlocks() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    InputStream stalled = new InputStream() {
      private final CountDownLatch never = new CountDownLatch(1);

      @Override
      public int read() throws IOException {
        reading.countDown();
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("closed");
      }

      @Override
      public void close() {
        never.countDown();
        closed.countDown();
      }
    };
    AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    new StreamPublisher(() -> stalled, 4096).subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription.set(s);
      }

      @Override
      public void onNext(ByteBuffer item) {}

      @Override
      public void onError(Throwable throwable) {}

      @Override
      public void onComplete() {}
    });
    long start = System.nanoTime();
    subscription.get().request(1); // the caller may be the HTTP client's selector thread
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "request() waited for the stream");
    assertTrue(reading.await(10, TimeUnit.SECONDS), "the stream was never read");
    subscription.get().cancel();
    assertTrue(closed.await(10, TimeUnit.SECONDS), "cancel did not close the stream");
  }

  /** Requests one buffer at a time, from inside onNext, as the JDK's HTTP/1.1 writer does. */
  private static final class Collector implements Flow.Subscriber<ByteBuffer> {
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final CountDownLatch done = new CountDownLatch(1);
    final AtomicReference<Throwable> error = new AtomicReference<>();
    private Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(ByteBuffer item) {
      byte[] bytes = new byte[item.remaining()];
      item.get(bytes);
      received.writeBytes(bytes);
      subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
      error.set(throwable);
      done.countDown();
    }

    @Override
    public void onComplete() {
      done.countDown();
    }
  }
}
