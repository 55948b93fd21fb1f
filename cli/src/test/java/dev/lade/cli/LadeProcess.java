package dev.lade.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of lade run as a process of its own (a JVM on the test's class path), for tests. */
final class LadeProcess {
  private LadeProcess() {}

  static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return command;
  }
}
