package dev.lade.cli;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Whether lade talks to a person at a terminal, to decide on extra, human-only output. */
final class Terminal {
  private Terminal() {}

  /**
   * True when there is an interactive console. From JDK 22, {@link System#console()} also
   * returns a console for redirected streams, so {@code Console.isTerminal()} is asked when the
   * running JDK has it (lade compiles for 21, where it does not exist).
   */
  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) return false;
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /**
   * True when standard error is a terminal that can move its cursor: lade's fd 2 is a tty
   * (Linux's {@code /proc/self/fd/2}, as the JDK has no isatty) and {@code TERM} is set and not
   * {@code dumb}.
   */
  static boolean stderrIsTerminal() {
    String term = System.getenv("TERM");
    if (term == null || term.isEmpty() || term.equals("dumb")) return false;
    try {
      String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The terminal's width in columns: {@code $COLUMNS}, else what {@code stty size} says, else 80. */
  static int columns() {
    Integer fromEnvironment = positive(System.getenv("COLUMNS"));
    if (fromEnvironment != null) return fromEnvironment;
    try {
      Process stty = new ProcessBuilder("stty", "size")
          .redirectInput(new File("/dev/tty"))
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (stty.waitFor(1, TimeUnit.SECONDS) && stty.exitValue() == 0) {
        String[] rowsAndColumns = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
            .strip().split(" ");
        Integer columns = rowsAndColumns.length == 2 ? positive(rowsAndColumns[1]) : null;
        if (columns != null) return columns;
      }
      stty.destroy();
    } catch (IOException e) {
      // No stty or no controlling terminal: the default will do.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 80;
  }

  private static Integer positive(String number) {
    if (number == null) return null;
    try {
      int value = Integer.parseInt(number.strip());
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
