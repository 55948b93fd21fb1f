package dev.lade.runner.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Follows a step's output file while the step runs and hands it on line by line, so a build's
 * progress shows the output as it comes; {@link #finish} delivers the rest once the step ended.
 */
final class OutputTail implements AutoCloseable {
  private static final long POLL_MILLIS = 50;

  private final Path file;
  private final Consumer<String> lines;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final Thread follower;
  private long offset;
  private volatile boolean finished;

  OutputTail(Path file, Consumer<String> lines) {
    this.file = file;
    this.lines = lines;
    this.follower = Thread.ofVirtual().name("run-output").start(this::follow);
  }

  private void follow() {
    try {
      while (!finished) {
        drain();
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException | InterruptedException e) {
      // finish() reads what is left
    }
  }

  private synchronized void drain() throws IOException {
    if (!Files.exists(file)) return;
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(offset);
      byte[] chunk = in.readAllBytes();
      offset += chunk.length;
      for (byte b : chunk) {
        if (b == '\n') {
          lines.accept(partial.toString(StandardCharsets.UTF_8));
          partial.reset();
        } else {
          partial.write(b);
        }
      }
    }
  }

  /** Stops following and delivers the rest, an unterminated last line included. */
  void finish() throws IOException, InterruptedException {
    finished = true;
    follower.interrupt(); // not a poll interval's wait at the end of every step
    follower.join();
    drain();
    synchronized (this) {
      if (partial.size() > 0) lines.accept(partial.toString(StandardCharsets.UTF_8));
      partial.reset();
    }
  }

  @Override
  public void close() {
    finished = true;
  }
}
