package dev.lade.buildkit.progress;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * BuildKit's terminal view: a {@code [+] Building 1.2s (3/5)} header and one line per step,
 * redrawn in place (ANSI cursor movement) whenever a step changes; a failed step's last output
 * lines are shown at the end.
 */
public final class LiveProgress implements BuildProgress {
  /** How much of a failed step's output the final view repeats, as BuildKit's. */
  private static final int FAILED_LOG_LINES = 10;

  private final PrintWriter out;
  private final LongSupplier nanoTime;
  private final long started;
  private final List<Line> lines = new ArrayList<>();
  private int drawn;

  public LiveProgress(PrintWriter out, LongSupplier nanoTime) {
    this.out = out;
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
  }

  private final class Line implements ProgressStep {
    final String name;
    final long begin = nanoTime.getAsLong();
    String state = "";
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
    @Override public void cached() { finish("CACHED"); }
    @Override public void done() { finish(""); }
    @Override public void failed(String error) { finish("ERROR"); }

    private void finish(String how) {
      synchronized (LiveProgress.this) {
        state = how;
        end = nanoTime.getAsLong();
        redraw();
      }
    }

    String render() {
      long stop = end < 0 ? nanoTime.getAsLong() : end;
      String prefix = state.equals("CACHED") ? " => CACHED " : state.equals("ERROR") ? " => ERROR " : " => ";
      String time = state.equals("CACHED") ? "" : " " + PlainProgress.seconds(stop - begin);
      return prefix + name + time;
    }
  }

  @Override
  public synchronized ProgressStep start(String name) {
    Line line = new Line(name);
    lines.add(line);
    redraw();
    return line;
  }

  /** Redraws a last time, then shows each failed step's last output lines, as BuildKit ends. */
  @Override
  public synchronized void close() {
    redraw();
    for (Line l : lines) {
      if (!l.state.equals("ERROR") || l.tail.isEmpty()) continue;
      out.println("------");
      out.println(" > " + l.name + ":");
      l.tail.forEach(out::println);
      out.println("------");
    }
    out.flush();
  }

  private void redraw() {
    StringBuilder sb = new StringBuilder();
    if (drawn > 0) sb.append("\033[").append(drawn).append('A');
    long finished = lines.stream().filter(l -> l.end >= 0).count();
    sb.append("\033[2K[+] Building ").append(PlainProgress.seconds(nanoTime.getAsLong() - started))
        .append(" (").append(finished).append('/').append(lines.size()).append(")\n");
    for (Line l : lines) sb.append("\033[2K").append(l.render()).append('\n');
    drawn = lines.size() + 1;
    out.print(sb);
    out.flush();
  }
}
