package dev.lade.buildkit.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveProgressTest {
  /**
   * The final frame as BuildKit's tty display draws it: the header says FINISHED, each step's time
   * ends the line at the terminal's width, CACHED and ERROR come before the name.
   */
  @Test
  void finalFrameAlignsTimesToTheWidthAndSaysFinished() {
    StringWriter text = new StringWriter();
    long[] now = {0};
    LiveProgress progress = new LiveProgress(new PrintWriter(text), () -> now[0], () -> 40);
    ProgressStep from = progress.start("[1/3] FROM example.com/base:1");
    from.done();
    ProgressStep cached = progress.start("[2/3] WORKDIR /app");
    cached.cached();
    ProgressStep copy = progress.start("[3/3] COPY a-long-file-name /somewhere/else");
    now[0] = 1_300_000_000L;
    copy.done();
    progress.close();
    String shown = text.toString();
    String frame = shown.substring(shown.lastIndexOf("[+] Building"));
    List<String> lines = java.util.Arrays.stream(frame.split("\n")).map(l -> l.replaceAll("\\033\\[[0-9;]*[A-Za-z]|\r", "")).toList();
    assertEquals("[+] Building 1.3s (3/3) FINISHED        ", lines.get(0));
    assertEquals(" => [1/3] FROM example.com/base:1   0.0s", lines.get(1));
    assertEquals(" => CACHED [2/3] WORKDIR /app       0.0s", lines.get(2));
    assertEquals(" => [3/3] COPY a-long-file-name /   1.3s", lines.get(3));
    assertTrue(frame.contains("\033[34m => CACHED"), "finished steps are blue: " + frame);
  }

  /** A running step's view is redrawn without events, and no more once closed. */
  @Test
  void aTickingViewRedrawsUntilClosed() throws InterruptedException {
    StringWriter text = new StringWriter();
    LiveProgress progress = LiveProgress.ticking(new PrintWriter(text), () -> 60);
    progress.start("[1/1] RUN sleep 10");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (frames(text) < 3 && System.nanoTime() < deadline) Thread.sleep(20);
    assertTrue(frames(text) >= 3, "redrawn while nothing happened: " + text);
    progress.close();
    int closed = text.toString().length();
    Thread.sleep(400);
    assertEquals(closed, text.toString().length(), "nothing drawn after close");
  }

  private static int frames(StringWriter text) {
    synchronized (text.getBuffer()) {
      return text.toString().split("\\[\\+] Building", -1).length - 1;
    }
  }

  @Test
  void theHeaderIsNotFinishedWhileAStepRuns() {
    StringWriter text = new StringWriter();
    LiveProgress progress = new LiveProgress(new PrintWriter(text), () -> 0L, () -> 60);
    progress.start("[1/1] RUN sleep 1");
    progress.close();
    assertTrue(text.toString().contains("[+] Building 0.0s (0/1)  "), text.toString());
    assertFalse(text.toString().contains("FINISHED"), text.toString());
  }

  @Test
  void failedStepsLastOutputIsShownAtTheEnd() {
    StringWriter text = new StringWriter();
    LiveProgress progress = new LiveProgress(new PrintWriter(text), () -> 0L);
    ProgressStep ok = progress.start("[1/2] RUN echo fine");
    ok.log("fine");
    ok.done();
    ProgressStep step = progress.start("[2/2] RUN make");
    for (int i = 1; i <= 12; i++) step.log("line " + i);
    step.failed("exit code: 2");
    progress.close();
    String shown = text.toString();
    String block = shown.substring(shown.lastIndexOf("\n------\n > ") + 1);
    assertTrue(block.startsWith("------\n > [2/2] RUN make:\nline 3\n"), block);
    assertTrue(block.endsWith("line 12\n------\n"), block);
    assertFalse(block.contains("line 2\n"), "only the last ten lines: " + block);
    assertFalse(shown.contains("fine\n"), "a successful step's output stays hidden");
  }
}
