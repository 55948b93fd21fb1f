package dev.lade.registry.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A request body for the JDK's {@code HttpClient} read from a stream in large buffers. The JDK's
 * own {@code BodyPublishers.ofInputStream} hands the connection 16 KiB at a time, which halved the
 * upload rate of chunked blob pushes.
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
    subscriber.onSubscribe(new Reading(subscriber));
  }

  /** One pass over the stream, one buffer per unit of demand, on the requesting thread. */
  private final class Reading implements Flow.Subscription {
    private final Flow.Subscriber<? super ByteBuffer> subscriber;
    private InputStream in;
    private long demand;
    private boolean draining;
    private boolean done;

    Reading(Flow.Subscriber<? super ByteBuffer> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      synchronized (this) {
        if (done) return;
        if (n <= 0) {
          done = true;
        } else {
          demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
          // A request from inside onNext only raises the demand the running loop serves.
          if (draining) return;
          draining = true;
        }
      }
      if (n <= 0) {
        close();
        subscriber.onError(new IllegalArgumentException("non-positive request " + n));
      } else {
        drain();
      }
    }

    private void drain() {
      while (true) {
        synchronized (this) {
          if (done || demand == 0) {
            draining = false;
            return;
          }
          demand--;
        }
        ByteBuffer next;
        try {
          if (in == null) in = opener.open();
          byte[] buffer = new byte[bufferSize];
          int n = in.readNBytes(buffer, 0, bufferSize);
          next = n == 0 ? null : ByteBuffer.wrap(buffer, 0, n);
        } catch (IOException | RuntimeException e) {
          finish();
          subscriber.onError(e);
          return;
        }
        if (next == null) {
          finish();
          subscriber.onComplete();
          return;
        }
        subscriber.onNext(next);
      }
    }

    private void finish() {
      synchronized (this) {
        done = true;
        draining = false;
      }
      close();
    }

    @Override
    public void cancel() {
      synchronized (this) {
        done = true;
      }
      close();
    }

    private synchronized void close() {
      if (in == null) return;
      try {
        in.close();
      } catch (IOException ignored) {
        // nothing more is read from it
      }
    }
  }
}
