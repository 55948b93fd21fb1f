package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.MediaType;
import dev.lade.registry.transfer.TransferListener.Event;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Live progress on a fake terminal: frames redrawn in place, throttled, the last one kept. */
class LiveProgressTest {
  private static final String UP_ONE = "\033[1A";
  private static final String CLEAR = "\r\033[2K";

  /** Layers of the example manifest in Docker's "Image Manifest V2, Schema 2" documentation. */
  private static final Descriptor FIRST = layer("3c3a4604a545cdc127456d94e421cd355bca5b528f4a9c1905b15da2eb4a4c6b", 32_654);
  private static final Descriptor SECOND = layer("ec4b8955958665577945c89419d1af06b5f7636b4ac3da7f12184802ad867736", 16_724);

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final StringWriter screen = new StringWriter();
  private final LiveProgress live =
      new LiveProgress(new PrintWriter(screen), TransferKind.PULL, nanos::get, () -> 100);

  @Test
  void redrawsInPlaceAtMostTenTimesASecondAndKeepsTheFinalFrame() {
    live.blob(FIRST, Event.STARTED);
    String first = taken();
    assertEquals(CLEAR + "3c3a4604a545: Pulling [>" + " ".repeat(45) + "]       0B/32.65kB  0B/s\n", first);

    advanceMillis(50);
    live.progress(FIRST, 10_000);
    assertEquals("", taken(), "within 100 ms of the last frame nothing is drawn");

    advanceMillis(50);
    live.progress(FIRST, 16_327);
    assertEquals(UP_ONE + CLEAR + "3c3a4604a545: Pulling [" + "=".repeat(22) + ">" + " ".repeat(23) + "]  16.33kB/32.65kB  163.3kB/s\n",
        taken());

    advanceMillis(10);
    live.blob(FIRST, Event.DONE);
    live.blob(SECOND, Event.EXISTS);
    assertEquals("", taken());

    live.close();
    assertEquals(UP_ONE + CLEAR + "3c3a4604a545: Pull complete  32.65kB  296.9kB/s\n"
        + CLEAR + "ec4b89559586: Already exists\n", taken());
  }

  @Test
  void linesKeepTheOrderBlobsFirstAppearedIn() {
    live.blob(SECOND, Event.STARTED);
    String sending = "ec4b89559586: Pulling [>" + " ".repeat(45) + "]       0B/16.72kB  0B/s\n";
    assertEquals(CLEAR + sending, taken());
    live.blob(FIRST, Event.MOUNTED);
    live.close();

    assertEquals(UP_ONE + CLEAR + sending + CLEAR + "3c3a4604a545: Mounted from another repository\n", taken());
  }

  private void advanceMillis(long millis) {
    nanos.addAndGet(millis * 1_000_000);
  }

  private String taken() {
    String text = screen.toString();
    screen.getBuffer().setLength(0);
    return text;
  }

  private static Descriptor layer(String hex, long size) {
    return Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.parse("sha256:" + hex), size);
  }
}
