package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Containers' terminals (run -t, -it, exec -t) under a real pseudo-terminal (script(1)'s), with the native launcher
 * and with runc and crun: the container's own devpts, lade's window size and its changes, input.
 */
class ContainerTerminalTest {
  private static final String IMAGE = "busybox:terminal";

  @TempDir static Path root;

  @BeforeAll
  static void importBusybox() throws Exception {
    CliRun.importBusybox(root, IMAGE);
  }

  @Test
  void terminalsAreTheContainersOwnAsDockers() throws Exception {
    // As docker: the terminal comes from the container's devpts (its first, /dev/pts/0), is /dev/console too and
    // belongs to the container's user; an exec's is the next one there.
    Path ready = Files.createDirectories(root.resolve("own"));
    Files.setPosixFilePermissions(ready, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    String out = inTerminal(ladeCommandLine("run", "-t", "-u", "1000", "--name", "own", "-v", ready + ":/mk", IMAGE,
        "sh", "-c", "tty; stat -c '%u %t,%T' $(tty) /dev/console; echo /dev/pts/*; touch /mk/ready; sleep 60") + " & "
        + awaitFile(ready.resolve("ready")) + "; "
        + ladeCommandLine("exec", "-t", "own", "busybox", "tty") + "; " + ladeCommandLine("rm", "-f", "own") + "; wait", "");
    assertTrue(out.contains("/dev/pts/0\n1000 88,0\n1000 88,0\n/dev/pts/0 /dev/pts/ptmx\n"), out);
    assertTrue(out.contains("/dev/pts/1\n"), "exec's terminal: " + out);
  }

  @Test
  void runcAndCrunGiveTheirOwnTerminalWithLadesSizeThroughTheConsoleSocket() throws Exception {
    for (String runtime : List.of("runc", "crun")) {
      String out = inTerminal("stty rows 33 cols 101; " + ladeCommandLine("run", "-t", "--rm", "--runtime", runtime,
          IMAGE, "sh", "-c", "busybox tty; busybox stty size; test -t 0 && echo $TERM; exit 3") + "; echo code=$?", "");
      assertTrue(out.contains("/dev/pts/0\n33 101\nxterm\ncode=3\n"), runtime + ": " + out);
    }
  }

  @Test
  void interactiveTerminalTakesInput() throws Exception {
    String out = inTerminal(ladeCommandLine("run", "-it", "--rm", IMAGE, "sh", "-c", "read line; echo \"got $line\""),
        "hello\n");
    assertTrue(out.contains("got hello\n"), out);
  }

  @Test
  void windowSizeChangesReachTheContainer() throws Exception {
    Path ready = Files.createDirectories(root.resolve("winch"));
    // The container waits for its SIGWINCH; lade's terminal is resized once the container is ready.
    String out = inTerminal("stty rows 33 cols 101; " + ladeCommandLine("run", "-t", "--rm", "-v", ready + ":/mk",
        IMAGE, "sh", "-c", "trap 'stty size; exit 0' WINCH; stty size; touch /mk/ready; while :; do sleep 0.1; done")
        + " & " + awaitFile(ready.resolve("ready")) + "; stty rows 40 cols 120; wait", "");
    assertTrue(out.contains("33 101\n40 120\n"), out);
  }

  @Test
  void foregroundTtyIsTheControllingTerminalOfTheContainerWithLadesWindowSize() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script (bsdutils), in tools/test-packages.txt");
    String inside = "tty; busybox stty size; test -t 0 && test -t 1 && test -t 2 && echo terminal;"
        + " read -r pid comm state ppid pgrp session tty rest < /proc/self/stat; echo \"session=$session tty=$tty\"";
    for (String flags : List.of("-t", "-it")) {
      String out = inTerminal("stty rows 33 cols 101; "
          + ladeCommandLine("run", flags, "--rm", IMAGE, "sh", "-c", inside), "");
      assertTrue(out.contains("/dev/pts/0\n"), flags + ": the container's own terminal: " + out);
      assertTrue(out.contains("33 101\n"), flags + ": the container's terminal has lade's size: " + out);
      assertTrue(out.contains("terminal\n"), flags + ": all three streams are the terminal: " + out);
      Matcher ids = Pattern.compile("session=(\\d+) tty=(\\d+)").matcher(out);
      assertTrue(ids.find(), out);
      assertEquals("1", ids.group(1), flags + ": the command leads its own session");
      assertNotEquals("0", ids.group(2), flags + ": and has the terminal as its controlling terminal");
    }
    assertEquals(1, lade("ps", "-a").out().lines().count(), "--rm left nothing");
  }

  /** What {@code command} writes to a terminal of its own (a pseudo-terminal that script(1) makes), typed {@code input}. */
  private static String inTerminal(String command, String input) throws Exception {
    Process script = new ProcessBuilder("script", "-qec", command, "/dev/null")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    script.getOutputStream().write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    script.getOutputStream().close();
    String out = new String(script.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(script.waitFor(60, TimeUnit.SECONDS), "script ended");
    assertEquals(0, script.exitValue(), out);
    return out.replace("\r", "").replace("\0", ""); // the terminal's line ends, and script's NULs
  }

  /** A shell command that waits (a minute at most) until {@code file} exists. */
  private static String awaitFile(Path file) {
    return "i=0; until [ -e " + file + " ] || [ $i -gt 600 ]; do sleep 0.1; i=$((i+1)); done";
  }

  /** lade in a JVM of its own on this test's store, as a shell command line. */
  private static String ladeCommandLine(String... args) {
    List<String> words = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "--root", root.toString()));
    words.addAll(List.of(args));
    return String.join(" ", words.stream().map(word -> "'" + word.replace("'", "'\\''") + "'").toList());
  }

  private static CliRun lade(String... args) {
    return CliRun.of(Stream.concat(Stream.of("--root", root.toString()), Stream.of(args)).toArray(String[]::new));
  }
}
