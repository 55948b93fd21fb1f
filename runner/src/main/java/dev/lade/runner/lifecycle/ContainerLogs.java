package dev.lade.runner.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/** A container's log: its standard output and error as it wrote them. */
public final class ContainerLogs {

  private static final long FOLLOW_POLL_MILLIS = 100;

  private ContainerLogs() {}

  /** Copies {@code container}'s log to {@code out}; with {@code follow}, also what it writes until it exits. */
  public static void copy(Container container, OutputStream out, boolean follow)
      throws IOException, InterruptedException {
    try (InputStream in = Files.newInputStream(container.files().log())) {
      byte[] buffer = new byte[8192];
      boolean last = !follow;
      while (true) {
        int n = in.read(buffer);
        if (n > 0) {
          out.write(buffer, 0, n);
          continue;
        }
        out.flush();
        if (last) {
          return;
        }
        // One more read after it exited, for what it wrote last.
        last = !ContainerState.read(container.files()).running();
        if (!last) {
          Thread.sleep(FOLLOW_POLL_MILLIS);
        }
      }
    } catch (NoSuchFileException e) {
      // Never started: nothing logged.
    }
  }
}
