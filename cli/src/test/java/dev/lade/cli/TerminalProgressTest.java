package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.transfer.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lade pull} run as a process: on a terminal (a pseudo-terminal made by util-linux's {@code
 * script}) it draws per-layer bars with bytes and rate, redrawn in place; with standard error
 * redirected it writes plain lines without escapes.
 */
class TerminalProgressTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path temp;
  private String image;

  @BeforeEach
  void pushAnImage() throws IOException {
    OciLayoutStore layout = OciLayoutStore.open(temp.resolve("layout"));
    TestImages.named(layout, "src", TestImages.image(layout, Platform.of("linux", "amd64"), 8, 300_000, 200_000));
    image = registry.host() + "/lade/bars:1";
    CliRun copy = CliRun.of("--root", temp.resolve("unused").toString(),
        "copy", "oci:" + layout.root() + ":src", "docker://" + image);
    assertEquals(0, copy.exitCode(), copy.err());
  }

  private List<String> ladePull(String root) {
    return LadeProcess.command("--root", temp.resolve(root).toString(), "pull", image);
  }

  @Test
  void aTerminalGetsBarsRedrawnInPlace() throws Exception {
    String command = ladePull("tty").stream().map(TerminalProgressTest::quoted).collect(Collectors.joining(" "));

    String screen = run(List.of("script", "-q", "-e", "-c", command, "/dev/null"), true);

    assertTrue(screen.contains("\r\033[2K"), "lines are cleared and redrawn: " + screen);
    assertTrue(screen.matches("(?s).*[0-9a-f]{12}: Pulling \\[=*> *\\] +[0-9.]+[kM]?B/[0-9.]+[kM]?B  [0-9.]+[kM]?B/s\r?\n.*"), "a bar: " + screen);
    assertTrue(screen.matches("(?s).*\033\\[[0-9]+A.*"), "the cursor goes back up over the frame: " + screen);
    assertTrue(screen.contains(": Pull complete  300kB  "), screen);
    assertTrue(screen.contains(": Pull complete  200kB  "), screen);
  }

  @Test
  void redirectedOutputGetsPlainLines() throws Exception {
    String err = run(ladePull("plain"), false);

    assertFalse(err.contains("\033"), err);
    List<String> lines = err.lines().sorted().toList();
    assertEquals(6, lines.size(), err);
    assertTrue(lines.stream().allMatch(line -> line.matches("[0-9a-f]{12}: (pulling [0-9.]+k?B|done)")), err);
  }

  /**
   * Runs {@code command} with {@code TERM=xterm} and a wide terminal; returns its standard error,
   * or its output and error together ({@code merged}).
   */
  private static String run(List<String> command, boolean merged) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
        .redirectErrorStream(merged)
        .redirectOutput(merged ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("TERM", "xterm");
    builder.environment().put("COLUMNS", "120");
    Process process = builder.start();
    try {
      byte[] output = (merged ? process.getInputStream() : process.getErrorStream()).readAllBytes();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "lade pull finished");
      String text = new String(output, StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), text);
      return text;
    } finally {
      process.destroyForcibly();
    }
  }

  private static String quoted(String argument) {
    return "'" + argument.replace("'", "'\\''") + "'";
  }
}
