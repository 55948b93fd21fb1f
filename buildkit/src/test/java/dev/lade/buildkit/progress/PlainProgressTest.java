package dev.lade.buildkit.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Plain progress prints what {@code docker build --progress plain} prints. */
class PlainProgressTest {
  @Test
  void stepsAreNumberedWithOutputTimesAndOutcomes() {
    StringWriter text = new StringWriter();
    long[] now = {0};
    PlainProgress progress = new PlainProgress(new PrintWriter(text), () -> now[0]);
    progress.start("[internal] load build definition from Dockerfile").done();
    progress.start("[1/3] FROM docker.io/library/busybox:latest").cached();
    ProgressStep run = progress.start("[2/3] RUN echo hello");
    now[0] = 215_000_000L;
    run.log("hello");
    now[0] = 340_000_000L;
    run.done();
    progress.start("[3/3] RUN false").failed("process \"/bin/sh -c false\" did not complete successfully: exit code: 1");
    assertEquals("""
        #1 [internal] load build definition from Dockerfile
        #1 DONE 0.0s

        #2 [1/3] FROM docker.io/library/busybox:latest
        #2 CACHED

        #3 [2/3] RUN echo hello
        #3 0.215 hello
        #3 DONE 0.3s

        #4 [3/3] RUN false
        #4 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1

        """, text.toString());
  }
}
