package dev.lade.buildkit.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * BuildKit's terminal view ({@code progressui}'s tty display): a {@code [+] Building 1.2s (3/5)}
 * header ({@code FINISHED} once every step is), then one line per step, {@code  => [2/3] COPY a /a}
 * with {@code CACHED} or {@code ERROR} before the name, its time right-aligned to the terminal's
 * width and finished steps in colour; redrawn in place (ANSI cursor movement) whenever a step
 * changes. A failed step's last output lines are shown at the end.
 */
public final class LiveProgress implements BuildProgress {
  /** How much of a failed step's output the final view repeats, as BuildKit's. */
  private static final int FAILED_LOG_LINES = 10;
  private static final Duration TICK = Duration.ofMillis(150);
  private static final String PREFIX = " => ";
  private static final String BLUE = "\033[34m";
  private static final String RED = "\033[31m";
  private static final String RESET = "\033[0m";

  private final PrintWriter out;
  private final LongSupplier nanoTime;
  private final IntSupplier width;
  private final long started;
  private final List<Line> lines = new ArrayList<>();
  private int drawn;
  private boolean closed;
  private Thread ticker;

  /** A view 80 columns wide. */
  public LiveProgress(PrintWriter out, LongSupplier nanoTime) {
    this(out, nanoTime, () -> 80);
  }

  /**
   * @param nanoTime the clock ({@link System#nanoTime} outside tests)
   * @param width the terminal's width in columns, asked at each redraw
   */
  public LiveProgress(PrintWriter out, LongSupplier nanoTime, IntSupplier width) {
    this.out = out;
    this.nanoTime = nanoTime;
    this.width = width;
    this.started = nanoTime.getAsLong();
  }

  private enum State { RUNNING, DONE, CACHED, ERROR }

  private final class Line implements ProgressStep {
    final String name;
    final long begin = nanoTime.getAsLong();
    State state = State.RUNNING;
    long end = -1;
    final ArrayDeque<String> tail = new ArrayDeque<>();

    Line(String name) {
      this.name = name;
    }

    @Override public void log(String text) {
      synchronized (LiveProgress.this) {
        if (tail.size() == FAILED_LOG_LINES) tail.removeFirst();
        tail.addLast(text);
      }
    }
    @Override public void cached() { finish(State.CACHED); }
    @Override public void done() { finish(State.DONE); }
    @Override public void failed(String error) { finish(State.ERROR); }

    private void finish(State how) {
      synchronized (LiveProgress.this) {
        state = how;
        end = nanoTime.getAsLong();
        redraw(false);
      }
    }

    /** As BuildKit: times under 0.05s show as 0.0s, a name too long for the width is cut. */
    String render(int columns) {
      long stop = end < 0 ? nanoTime.getAsLong() : end;
      double seconds = (stop - begin) / 1e9;
      String timer = String.format(Locale.ROOT, " %3.1fs", seconds < 0.05 ? 0 : seconds);
      String shown = switch (state) {
        case CACHED -> "CACHED " + name;
        case ERROR -> "ERROR " + name;
        case RUNNING, DONE -> name;
      };
      int left = Math.max(0, columns - PREFIX.length() - timer.length() - 2);
      if (shown.length() > left) shown = shown.substring(0, left);
      String line = align(PREFIX + shown, timer, columns);
      return switch (state) {
        case RUNNING -> line;
        case DONE, CACHED -> BLUE + line + RESET;
        case ERROR -> RED + line + RESET;
      };
    }
  }

  @Override
  public synchronized ProgressStep start(String name) {
    Line line = new Line(name);
    lines.add(line);
    redraw(false);
    return line;
  }

  /**
   * A view on the terminal that also redraws every 150 ms, as BuildKit's ticker does, so running
   * steps' times move; the ticking stops at {@link #close}.
   */
  public static LiveProgress ticking(PrintWriter out, IntSupplier width) {
    LiveProgress progress = new LiveProgress(out, System::nanoTime, width);
    progress.ticker = Thread.ofVirtual().name("lade-progress").start(() -> {
      try {
        while (true) {
          Thread.sleep(TICK.toMillis());
          synchronized (progress) {
            if (progress.closed) return;
            progress.redraw(false);
          }
        }
      } catch (InterruptedException e) {
        // closed
      }
    });
    return progress;
  }

  /** Redraws a last time, then shows each failed step's last output lines, as BuildKit ends. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    if (ticker != null) ticker.interrupt();
    redraw(true);
    for (Line l : lines) {
      if (l.state != State.ERROR || l.tail.isEmpty()) continue;
      out.println("------");
      out.println(" > " + l.name + ":");
      l.tail.forEach(out::println);
      out.println("------");
    }
    out.flush();
  }

  private void redraw(boolean last) {
    int columns = Math.max(20, width.getAsInt());
    StringBuilder sb = new StringBuilder();
    if (drawn > 0) sb.append("\033[").append(drawn).append('A');
    long finished = lines.stream().filter(l -> l.end >= 0).count();
    String status = last && finished > 0 && finished == lines.size() ? "FINISHED" : "";
    String header = String.format(Locale.ROOT, "[+] Building %.1fs (%d/%d) %s",
        (nanoTime.getAsLong() - started) / 1e9, finished, lines.size(), status);
    sb.append('\r').append(align(header, "", columns)).append('\n');
    for (Line l : lines) sb.append('\r').append(l.render(columns)).append('\n');
    drawn = lines.size() + 1;
    out.print(sb);
    out.flush();
  }

  /** BuildKit's {@code align}: {@code left} padded so that {@code right} ends the line. */
  private static String align(String left, String right, int columns) {
    int pad = Math.max(left.length(), columns - right.length() - 1);
    return String.format(Locale.ROOT, "%-" + pad + "s %s", left, right);
  }
}
