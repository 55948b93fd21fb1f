package dev.lade.dockerfile.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code STOPSIGNAL} value, validated as BuildKit does with moby/sys {@code signal.ParseSignal}:
 * a non-zero number, or a Linux signal name with or without {@code SIG}, in any case ({@code
 * SIGKILL}, {@code kill}, {@code 9}, {@code SIGRTMIN+3}). The image config keeps the text as
 * written, so {@link #toString()} returns it unchanged.
 */
public record Signal(String text, int number) {
  private static final Map<String, Integer> LINUX = linuxSignals();

  /**
   * @throws InvalidValueException {@code invalid signal: TEXT} for 0 or an unknown name
   */
  public static Signal parse(String text) {
    if (text.matches("[+-]?[0-9]+")) {
      try {
        int n = Integer.parseInt(text);
        if (n != 0) return new Signal(text, n);
      } catch (NumberFormatException e) {
        // beyond int: reject like an unknown name
      }
      throw invalid(text);
    }
    String name = text.toUpperCase(Locale.ROOT);
    if (name.startsWith("SIG")) name = name.substring(3);
    Integer n = LINUX.get(name);
    if (n == null) throw invalid(text);
    return new Signal(text, n);
  }

  /** The canonical name for the number, e.g. {@code SIGKILL} for 9, if Linux has one. */
  public Optional<String> name() {
    return LINUX.entrySet().stream().filter(e -> e.getValue() == number).findFirst().map(e -> "SIG" + e.getKey());
  }

  @Override public String toString() {
    return text;
  }

  private static InvalidValueException invalid(String text) {
    return new InvalidValueException("invalid signal: " + text, text);
  }

  /** moby/sys {@code SignalMap} on Linux (not MIPS), preferred names first. */
  private static Map<String, Integer> linuxSignals() {
    Map<String, Integer> m = new LinkedHashMap<>();
    String[] names = {"HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
        "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
        "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};
    for (int i = 0; i < names.length; i++) m.put(names[i], i + 1);
    m.put("IOT", 6);
    m.put("CLD", 17);
    m.put("POLL", 29);
    int rtmin = 34;
    int rtmax = 64;
    m.put("RTMIN", rtmin);
    for (int i = 1; i <= 15; i++) m.put("RTMIN+" + i, rtmin + i);
    for (int i = 14; i >= 1; i--) m.put("RTMAX-" + i, rtmax - i);
    m.put("RTMAX", rtmax);
    return Collections.unmodifiableMap(m); // insertion order: preferred names first
  }
}
