package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.cli.BlobProgress.Stage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The text of live progress lines at different terminal widths. */
class ProgressRendererTest {
  private final ProgressRenderer pull = new ProgressRenderer(TransferKind.PULL);

  /** 12.35MB of 34.12MB after 5 s, as in Docker's own progress lines. */
  private static final BlobProgress HALFWAY =
      new BlobProgress("3c3a4604a545", Stage.SENDING, 34_120_000, 12_350_000, Duration.ofSeconds(5));

  @Test
  void aWideTerminalGetsDockersFiftyColumnBarWithBytesAndRate() {
    String line = pull.line(HALFWAY, 160);

    // 12.35 / 34.12 of 50 columns: 18 filled.
    assertEquals("3c3a4604a545: Pulling [" + "=".repeat(18) + ">" + " ".repeat(32) + "]  12.35MB/34.12MB  2.47MB/s", line);
  }

  @Test
  void theBarShrinksToFitAndTheLineNeverReachesTheLastColumn() {
    String line = pull.line(HALFWAY, 80);

    assertTrue(line.length() < 80, line);
    // 80 columns leave 25 for the bar, 12.35 / 34.12 of them filled.
    assertTrue(line.startsWith("3c3a4604a545: Pulling [" + "=".repeat(9) + ">" + " ".repeat(16) + "]"), line);
    assertTrue(line.endsWith("]  12.35MB/34.12MB  2.47MB/s"), line);
  }

  @Test
  void aNarrowTerminalDropsTheBarThenCutsTheLine() {
    assertEquals("3c3a4604a545: Pulling  12.35MB/34.12MB  2.47MB/s", pull.line(HALFWAY, 60));
    assertEquals("3c3a4604a545: Pulling  12.35", pull.line(HALFWAY, 29));
  }

  @Test
  void finishedBlobsSayHowTheyEnded() {
    BlobProgress done = new BlobProgress("ec4b89559586", Stage.SENT, 16_724, 16_724, Duration.ofMillis(200));
    assertEquals("ec4b89559586: Pull complete  16.72kB  83.62kB/s", pull.line(done, 120));
    assertEquals("ec4b89559586: Pushed  16.72kB  83.62kB/s", new ProgressRenderer(TransferKind.PUSH).line(done, 120));
    assertEquals("b5b2b2c507a0: Already exists",
        pull.line(new BlobProgress("b5b2b2c507a0", Stage.EXISTS, 73_109, 0, Duration.ZERO), 120));
    assertEquals("b5b2b2c507a0: Mounted from another repository",
        pull.line(new BlobProgress("b5b2b2c507a0", Stage.MOUNTED, 73_109, 0, Duration.ZERO), 120));
  }

  @Test
  void theBarRunsFromEmptyToFullAndBytesBeyondTheSizeShowAlone() {
    assertEquals("[>          ]", ProgressRenderer.bar(HALFWAY_WITH(0), 10));
    assertEquals("[==========>]", ProgressRenderer.bar(HALFWAY_WITH(34_120_000), 10));
    assertTrue(pull.line(HALFWAY_WITH(40_000_000), 160).endsWith("]     40MB  8MB/s"),
        pull.line(HALFWAY_WITH(40_000_000), 160));
  }

  @Test
  void noTimeYetMeansNoRateRatherThanAnError() {
    BlobProgress justStarted = new BlobProgress("3c3a4604a545", Stage.SENDING, 34_120_000, 0, Duration.ZERO);
    assertTrue(pull.line(justStarted, 160).endsWith("       0B/34.12MB  0B/s"), pull.line(justStarted, 160));
  }

  private static BlobProgress HALFWAY_WITH(long bytes) {
    return new BlobProgress(HALFWAY.id(), HALFWAY.stage(), HALFWAY.size(), bytes, HALFWAY.elapsed());
  }
}
