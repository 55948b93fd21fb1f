package dev.lade.registry.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A request body for the JDK's {@code HttpClient} read from a stream in large buffers. The JDK's
 * own {@code BodyPublishers.ofInputStream} hands the connection 16 KiB at a time, which halved the
 * upload rate of chunked blob pushes.
 *
 * <p>The stream is read on a thread of its own, one buffer ahead of the demand, never on the
 * thread that asks for more: that is often the client's one selector thread, and a stream that
 * blocks (a download being copied to another registry) stalled every upload behind it. A platform
 * thread, not a virtual one: a virtual thread blocked on a socket leaves the JDK's poller thread
 * in native code, and the JVM then waits 300 ms at exit.
 */
final class StreamPublisher implements Flow.Publisher<ByteBuffer> {
  /** Opens the body afresh for each subscriber. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }

  private final Opener opener;
  private final int bufferSize;

  StreamPublisher(Opener opener, int bufferSize) {
    this.opener = opener;
    this.bufferSize = bufferSize;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    Reading reading = new Reading(subscriber);
    subscriber.onSubscribe(reading);
    Thread.ofPlatform().daemon().name("request-body").start(reading::pump);
  }

  /** One pass over the stream: reads a buffer, waits for demand, hands it on; then the next. */
  private final class Reading implements Flow.Subscription {
    private final Flow.Subscriber<? super ByteBuffer> subscriber;
    private InputStream in;
    private long demand;
    private boolean cancelled;
    private IllegalArgumentException badRequest;

    Reading(Flow.Subscriber<? super ByteBuffer> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public synchronized void request(long n) {
      if (n <= 0) {
        badRequest = new IllegalArgumentException("non-positive request " + n);
      } else {
        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
      }
      notifyAll();
    }

    @Override
    public void cancel() {
      synchronized (this) {
        cancelled = true;
        notifyAll();
      }
      close(); // unblocks a read in progress
    }

    void pump() {
      try {
        if (isCancelled()) return;
        InputStream opened = opener.open(); // outside the lock: request() must never wait on I/O
        synchronized (this) {
          in = opened;
          if (cancelled) return;
        }
        while (true) {
          byte[] buffer = new byte[bufferSize];
          int n = in.readNBytes(buffer, 0, bufferSize);
          if (!awaitDemand()) return;
          if (n == 0) {
            subscriber.onComplete();
            return;
          }
          subscriber.onNext(ByteBuffer.wrap(buffer, 0, n));
        }
      } catch (IOException | RuntimeException | InterruptedException e) {
        if (!isCancelled()) subscriber.onError(e);
      } finally {
        close();
      }
    }

    /** Waits until one more buffer may be sent and takes it from the demand; false when cancelled. */
    private boolean awaitDemand() throws InterruptedException {
      IllegalArgumentException refused;
      synchronized (this) {
        while (demand == 0 && !cancelled && badRequest == null) wait();
        if (badRequest == null) {
          if (cancelled) return false;
          demand--;
          return true;
        }
        refused = badRequest;
        cancelled = true;
      }
      subscriber.onError(refused);
      return false;
    }

    private synchronized boolean isCancelled() {
      return cancelled;
    }

    private void close() {
      InputStream open;
      synchronized (this) {
        open = in;
      }
      if (open == null) return;
      try {
        open.close();
      } catch (IOException ignored) {
        // nothing more is read from it
      }
    }
  }
}
