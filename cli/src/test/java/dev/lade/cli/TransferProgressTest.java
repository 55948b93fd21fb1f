package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.MediaType;
import dev.lade.registry.transfer.TransferListener.Event;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Without a terminal: one plain line per blob event, no escapes, no per-byte noise. */
class TransferProgressTest {
  private static final Descriptor LAYER = Descriptor.of(MediaType.OCI_LAYER_GZIP,
      Digest.parse("sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7"), 73_109);

  @Test
  void eachEventIsOneLineAndBytesAreNotReported() {
    StringWriter err = new StringWriter();
    ProgressDisplay plain = ProgressDisplay.on(new PrintWriter(err), TransferKind.PUSH, false, false);

    plain.blob(LAYER, Event.STARTED);
    plain.progress(LAYER, 40_000);
    plain.blob(LAYER, Event.DONE);
    plain.blob(LAYER, Event.EXISTS);
    plain.blob(LAYER, Event.MOUNTED);
    plain.close();

    assertEquals("""
        b5b2b2c507a0: pushing 73.11kB
        b5b2b2c507a0: done
        b5b2b2c507a0: already exists
        b5b2b2c507a0: mounted
        """, err.toString());
  }

  @Test
  void quietShowsNothingAndATerminalGetsLiveLines() {
    StringWriter err = new StringWriter();
    ProgressDisplay quiet = ProgressDisplay.on(new PrintWriter(err), TransferKind.PULL, true, true);
    quiet.blob(LAYER, Event.STARTED);
    quiet.close();
    assertEquals("", err.toString());

    ProgressDisplay live = ProgressDisplay.on(new PrintWriter(err), TransferKind.PULL, false, true);
    live.blob(LAYER, Event.EXISTS);
    live.close();
    assertEquals("\r\033[2Kb5b2b2c507a0: Already exists\n\033[1A\r\033[2Kb5b2b2c507a0: Already exists\n", err.toString());
  }
}
