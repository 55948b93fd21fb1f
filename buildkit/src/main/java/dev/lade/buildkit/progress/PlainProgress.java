package dev.lade.buildkit.progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * BuildKit's plain progress, for logs and CI: numbered lines, {@code #3 [2/4] COPY a /a}, a step's
 * output as {@code #3 0.215 hello} (seconds since the step started), then {@code #3 CACHED} or
 * {@code #3 DONE 0.1s} or {@code #3 ERROR: ...}, with a blank line between steps as BuildKit
 * prints them.
 */
public final class PlainProgress implements BuildProgress {
  private final PrintWriter out;
  private final LongSupplier nanoTime;
  private final AtomicInteger next = new AtomicInteger(1);

  /** Prints to {@code out}, timing with {@code nanoTime} ({@code System::nanoTime} outside tests). */
  public PlainProgress(PrintWriter out, LongSupplier nanoTime) {
    this.out = out;
    this.nanoTime = nanoTime;
  }

  @Override
  public ProgressStep start(String name) {
    int id = next.getAndIncrement();
    long started = nanoTime.getAsLong();
    print("#" + id + " " + name);
    return new ProgressStep() {
      @Override public void log(String line) {
        print("#" + id + " " + String.format(Locale.ROOT, "%.3f", (nanoTime.getAsLong() - started) / 1e9) + " " + line);
      }
      @Override public void cached() { print("#" + id + " CACHED\n"); }
      @Override public void done() { print("#" + id + " DONE " + seconds(nanoTime.getAsLong() - started) + "\n"); }
      @Override public void failed(String error) { print("#" + id + " ERROR: " + error + "\n"); }
    };
  }

  /** BuildKit's {@code %.1fs}. */
  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
  }

  private void print(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
