package dev.lade.cli;

import java.io.Console;
import java.lang.reflect.Method;

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
}
