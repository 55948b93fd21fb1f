package dev.lade.buildkit.config;

import dev.lade.dockerfile.ast.CommandLine;
import java.util.ArrayList;
import java.util.List;

/** How BuildKit turns a command line into arguments: exec form as is, shell form through SHELL. */
public final class Commands {
  private Commands() {}

  /**
   * The arguments of {@code command}: exec form as written; shell form as the image's SHELL (or
   * the OS's default) followed by the script.
   */
  public static List<String> args(CommandLine command, List<String> shell, String os) {
    return switch (command) {
      case CommandLine.ExecForm exec -> exec.args();
      case CommandLine.ShellForm s -> withShell(shell, os, s.script());
    };
  }

  /** BuildKit's {@code withShell}. */
  public static List<String> withShell(List<String> shell, String os, String script) {
    List<String> out = new ArrayList<>(shell.isEmpty() ? defaultShell(os) : shell);
    out.add(script);
    return out;
  }

  /** {@code /bin/sh -c}, or {@code cmd /S /C} on Windows. */
  public static List<String> defaultShell(String os) {
    return os.equals("windows") ? List.of("cmd", "/S", "/C") : List.of("/bin/sh", "-c");
  }
}
