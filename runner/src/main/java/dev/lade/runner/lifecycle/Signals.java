package dev.lade.runner.lifecycle;

import java.util.Locale;
import java.util.Map;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/** Linux signals by docker's names ({@code SIGTERM}, {@code TERM}, {@code 15}), and sending them. */
public final class Signals {

  /** SIGKILL. */
  public static final int KILL = 9;

  private static final Map<String, Integer> NUMBERS = Map.ofEntries(
      Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4), Map.entry("TRAP", 5),
      Map.entry("ABRT", 6), Map.entry("IOT", 6), Map.entry("BUS", 7), Map.entry("FPE", 8), Map.entry("KILL", 9),
      Map.entry("USR1", 10), Map.entry("SEGV", 11), Map.entry("USR2", 12), Map.entry("PIPE", 13),
      Map.entry("ALRM", 14), Map.entry("TERM", 15), Map.entry("STKFLT", 16), Map.entry("CHLD", 17),
      Map.entry("CONT", 18), Map.entry("STOP", 19), Map.entry("TSTP", 20), Map.entry("TTIN", 21),
      Map.entry("TTOU", 22), Map.entry("URG", 23), Map.entry("XCPU", 24), Map.entry("XFSZ", 25),
      Map.entry("VTALRM", 26), Map.entry("PROF", 27), Map.entry("WINCH", 28), Map.entry("IO", 29),
      Map.entry("POLL", 29), Map.entry("PWR", 30), Map.entry("SYS", 31));

  private static final int MAX_SIGNAL = 64;

  private static final POSIX POSIX = POSIXFactory.getNativePOSIX();

  private Signals() {}

  /** The number of {@code signal}: a name with or without {@code SIG}, any case, or a number (1 to 64). */
  public static int parse(String signal) throws ContainerException {
    String name = signal.toUpperCase(Locale.ROOT);
    name = name.startsWith("SIG") ? name.substring(3) : name;
    Integer number = NUMBERS.get(name);
    if (number != null) {
      return number;
    }
    if (name.startsWith("RTMIN+") || name.startsWith("RTMAX-")) {
      name = Integer.toString(name.startsWith("RTMIN") ? 34 + parseInt(name.substring(6), signal)
          : MAX_SIGNAL - parseInt(name.substring(6), signal));
    }
    int value = parseInt(name, signal);
    if (value < 1 || value > MAX_SIGNAL) {
      throw new ContainerException("Invalid signal: " + signal);
    }
    return value;
  }

  private static int parseInt(String digits, String signal) throws ContainerException {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new ContainerException("Invalid signal: " + signal);
    }
  }

  /** Sends {@code signal} to process {@code pid}; false when it is gone. */
  public static boolean send(long pid, int signal) {
    return POSIX.kill((int) pid, signal) == 0;
  }
}
