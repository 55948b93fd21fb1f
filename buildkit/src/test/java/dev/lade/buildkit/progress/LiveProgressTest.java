package dev.lade.buildkit.progress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LiveProgressTest {
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
