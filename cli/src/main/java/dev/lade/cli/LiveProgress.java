package dev.lade.cli;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Progress on a terminal: one line per blob, redrawn in place (the cursor goes back up over the
 * lines drawn before) at most every {@link #REDRAW_EVERY}, so fast transfers do not flood the
 * terminal. Closing draws the final state and leaves it on screen.
 */
final class LiveProgress implements ProgressDisplay {
  /** Ten frames a second: smooth enough for a person, cheap for a busy transfer. */
  static final Duration REDRAW_EVERY = Duration.ofMillis(100);

  private static final String CSI = "\033[";

  private final PrintWriter out;
  private final ProgressRenderer renderer;
  private final LongSupplier nanoTime;
  private final IntSupplier width;
  private final Map<Digest, Row> rows = new ConcurrentHashMap<>();
  private final AtomicInteger order = new AtomicInteger();
  private volatile long lastDraw;
  private int linesDrawn;

  /**
   * @param nanoTime the clock ({@link System#nanoTime} but in tests)
   * @param width the terminal's width in columns
   */
  LiveProgress(PrintWriter out, TransferKind kind, LongSupplier nanoTime, IntSupplier width) {
    this.out = out;
    this.renderer = new ProgressRenderer(kind);
    this.nanoTime = nanoTime;
    this.width = width;
    this.lastDraw = nanoTime.getAsLong() - REDRAW_EVERY.toNanos();
  }

  @Override
  public void blob(Descriptor blob, Event event) {
    long now = nanoTime.getAsLong();
    Row row = rows.computeIfAbsent(blob.digest(), d -> new Row(blob, order.getAndIncrement(), now));
    switch (event) {
      case STARTED -> row.start(now);
      case DONE -> row.finish(BlobProgress.Stage.SENT, now);
      case EXISTS -> row.finish(BlobProgress.Stage.EXISTS, now);
      case MOUNTED -> row.finish(BlobProgress.Stage.MOUNTED, now);
    }
    drawIfDue(now);
  }

  @Override
  public void progress(Descriptor blob, long bytes) {
    Row row = rows.get(blob.digest());
    if (row != null) row.bytes = bytes;
    drawIfDue(nanoTime.getAsLong());
  }

  /** Draws the final state of every blob, whatever the time since the last frame. */
  @Override
  public synchronized void close() {
    draw(nanoTime.getAsLong());
  }

  private void drawIfDue(long now) {
    if (now - lastDraw < REDRAW_EVERY.toNanos()) return;
    synchronized (this) {
      if (now - lastDraw >= REDRAW_EVERY.toNanos()) draw(now);
    }
  }

  private void draw(long now) {
    lastDraw = now;
    List<Row> ordered = new ArrayList<>(rows.values());
    ordered.sort(Comparator.comparingInt(r -> r.order));
    int columns = width.getAsInt();
    StringBuilder frame = new StringBuilder();
    if (linesDrawn > 0) frame.append(CSI).append(linesDrawn).append('A');
    for (Row row : ordered) {
      frame.append('\r').append(CSI).append("2K").append(renderer.line(row.at(now), columns)).append('\n');
    }
    linesDrawn = ordered.size();
    out.print(frame);
    out.flush();
  }

  /** A blob's changing state; written by the thread moving it, read when a frame is drawn. */
  private static final class Row {
    final String id;
    final long size;
    final int order;
    volatile BlobProgress.Stage stage = BlobProgress.Stage.SENDING;
    volatile long bytes;
    volatile long started;
    volatile long finished = -1;

    Row(Descriptor blob, int order, long now) {
      this.id = TransferProgress.shortDigest(blob);
      this.size = blob.size();
      this.order = order;
      this.started = now;
    }

    void start(long now) {
      started = now;
    }

    void finish(BlobProgress.Stage how, long now) {
      if (how == BlobProgress.Stage.SENT) bytes = size;
      finished = now;
      stage = how;
    }

    BlobProgress at(long now) {
      long end = finished >= 0 ? finished : now;
      return new BlobProgress(id, stage, size, bytes, Duration.ofNanos(Math.max(0, end - started)));
    }
  }
}
