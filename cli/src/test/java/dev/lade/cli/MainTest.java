package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The root command: version, help, usage errors and their exit codes. */
class MainTest {

  @Test
  void versionNamesLadeAndTheJvm() {
    CliRun run = CliRun.of("--version");
    assertEquals(ExitCode.OK, run.exitCode());
    assertTrue(run.out().startsWith("lade "), run.out());
    assertTrue(run.out().contains("java " + Runtime.version().feature()), run.out());
  }

  @Test
  void helpListsTheCommands() {
    CliRun run = CliRun.of("--help");
    assertEquals(ExitCode.OK, run.exitCode());
    assertTrue(run.out().contains("parse"), run.out());
    assertTrue(run.out().contains("--debug"), run.out());
  }

  /** As {@code docker build --help}: usage even where required parameters are missing, exit 0. */
  @Test
  void everyCommandTakesHelp() {
    for (String name : Main.commandLine().getSubcommands().keySet()) {
      if (name.equals("help")) continue;
      CliRun run = CliRun.of(name, "--help");
      assertEquals(ExitCode.OK, run.exitCode(), name + ": " + run.err());
      assertTrue(run.out().startsWith("Usage: lade " + name), name + ": " + run.out());
    }
  }

  @Test
  void helpForOneCommandShowsItsOptions() {
    CliRun run = CliRun.of("help", "parse");
    assertEquals(ExitCode.OK, run.exitCode());
    assertTrue(run.out().contains("--format"), run.out());
  }

  @Test
  void everyCommandIsListedUnderTheNameItsAnnotationGives() {
    var all = Main.commandLine().getSubcommands().keySet();
    assertEquals(new java.util.TreeSet<>(Commands.names()), new java.util.TreeSet<>(all.stream()
        .filter(name -> !name.equals("help")).toList()));
  }

  @Test
  void aRunBuildsOnlyTheCommandItNames() {
    assertEquals(java.util.Set.of("pull"),
        Main.commandLine("--debug", "--root", "/tmp/store", "pull", "busybox").getSubcommands().keySet());
    assertEquals(java.util.Set.of("run"),
        Main.commandLine("--root=/tmp/store", "run", "busybox").getSubcommands().keySet());
    assertTrue(Main.commandLine("run", "x").getSubcommands().get("run").isStopAtPositional(),
        "run keeps what follows the image as the command's");
    assertEquals(Main.commandLine().getSubcommands().keySet(), Main.commandLine("--help").getSubcommands().keySet());
    assertEquals(Main.commandLine().getSubcommands().keySet(), Main.commandLine("pul").getSubcommands().keySet(),
        "a typo gets the whole tree, for suggestions");
  }

  @Test
  void noCommandIsBadUsage() {
    CliRun run = CliRun.of();
    assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    assertTrue(run.err().contains("a command is required"), run.err());
  }

  @Test
  void unknownCommandIsOneLineAndBadUsage() {
    CliRun run = CliRun.of("frobnicate");
    assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    assertTrue(run.err().startsWith("lade: "), run.err());
    assertTrue(run.err().contains("frobnicate"), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace without --debug: " + run.err());
  }

  @Test
  void unknownOptionIsBadUsage() {
    CliRun run = CliRun.of("parse", "--no-such-flag");
    assertEquals(ExitCode.BAD_INPUT, run.exitCode());
    assertTrue(run.err().contains("--no-such-flag"), run.err());
  }

  @Test
  void debugAddsTheStackTrace() {
    CliRun plain = CliRun.of("parse", "-f", "/nonexistent/Dockerfile");
    CliRun debug = CliRun.of("--debug", "parse", "-f", "/nonexistent/Dockerfile");
    assertEquals(ExitCode.BAD_INPUT, plain.exitCode());
    assertEquals(ExitCode.BAD_INPUT, debug.exitCode());
    assertEquals(1, plain.err().lines().count(), plain.err());
    assertTrue(debug.err().contains("\tat "), debug.err());
  }

  /** A success returns from main rather than calling System.exit: the process still ends, with its output and 0. */
  @Test
  void aProcessEndsWithItsExitCode() throws Exception {
    assertEquals(new ProcessResult(ExitCode.OK, "lade "), ProcessResult.of("--version"));
    assertEquals(new ProcessResult(ExitCode.BAD_INPUT, ""), ProcessResult.of("frobnicate"));
  }

  /** The exit code of a lade process and the start of its standard output. */
  private record ProcessResult(int exitCode, String outStart) {
    static ProcessResult of(String... args) throws Exception {
      Process process = new ProcessBuilder(LadeProcess.command(args))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "lade " + String.join(" ", args) + " ended");
      return new ProcessResult(process.exitValue(), out.substring(0, Math.min(5, out.length())));
    }
  }
}
