package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.testing.BusyboxRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Independent stages build at the same time, as BuildKit's solver runs independent vertices: seen
 * from inside the build, not timed from outside.
 */
class ConcurrentStagesTest {
  /**
   * A RUN that leaves its marker in a cache mount both stages share, then waits (30 s at most) for
   * the other stage's marker: both can only finish when they run at the same time.
   */
  private static String meet(String mine, String theirs) {
    return "RUN --mount=type=cache,id=meeting,target=/meet,sharing=shared touch /meet/" + mine
        + " && i=0 && while [ ! -e /meet/" + theirs + " ]; do i=$((i+1)); [ $i -lt 300 ] || exit 7; sleep 0.1; done"
        + " && echo " + mine + " met " + theirs + " > /met-" + mine + "\n";
  }

  @TempDir Path dir;

  @Test
  void independentStagesMeetWhileBothRun() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "RUN steps need root here; CI runs the suite as root");
    String store = dir.resolve("store").toString();
    CliRun imported = CliRun.of("--root", store, "import", BusyboxRootfs.writeTar(dir.resolve("rootfs.tar")).toString(),
        "meet-base");
    assertEquals(0, imported.exitCode(), imported.err());
    Path context = Files.createDirectories(dir.resolve("context"));
    Files.writeString(context.resolve("Dockerfile"), "FROM meet-base AS left\n" + meet("left", "right")
        + "FROM meet-base AS right\n" + meet("right", "left")
        + "FROM scratch\nCOPY --from=left /met-left /\nCOPY --from=right /met-right /\n");
    Path out = dir.resolve("out");

    CliRun build = CliRun.of("--root", store, "build", "--progress", "plain", "-o", "type=local,dest=" + out,
        context.toString());

    assertEquals(0, build.exitCode(), build.err());
    assertEquals("left met right", Files.readString(out.resolve("met-left")).strip());
    assertEquals("right met left", Files.readString(out.resolve("met-right")).strip());
    // The plain log shows both RUN steps started before either was done.
    List<String> lines = build.err().lines().toList();
    int leftStart = index(lines, "[left 2/2] RUN");
    int rightStart = index(lines, "[right 2/2] RUN");
    String leftDone = lines.get(leftStart).split(" ")[0] + " DONE ";
    String rightDone = lines.get(rightStart).split(" ")[0] + " DONE ";
    int firstDone = Math.min(index(lines, leftDone), index(lines, rightDone));
    assertTrue(Math.max(leftStart, rightStart) < firstDone, build.err());
  }

  /** The first line that starts with {@code text} or has it after the step number. */
  private static int index(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith(text) || line.contains(" " + text)) return i;
    }
    throw new AssertionError("no line with " + text);
  }
}
