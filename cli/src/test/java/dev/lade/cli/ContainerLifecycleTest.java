package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detached containers end to end through lade's commands, on an imported busybox-static image. */
class ContainerLifecycleTest {
  private static final String IMAGE = "busybox:lifecycle";
  /** Waits for a shell (PID 1, so only signals it traps reach it) until it is told to stop by SIGTERM. */
  private static final String TRAPS_TERM = "echo started; trap 'echo got TERM; exit 3' TERM;"
      + " while true; do sleep 0.1; done";

  @TempDir static Path root;

  @BeforeAll
  static void importBusybox() throws Exception {
    CliRun.importBusybox(root, IMAGE);
    Path context = Files.createDirectories(root.resolve("context"));
    Files.writeString(context.resolve("Dockerfile"), "FROM " + IMAGE + "\nSTOPSIGNAL SIGUSR1\n");
    CliRun build = lade("build", "--progress", "quiet", "-t", "busybox:usr1", context.toString());
    assertEquals(ExitCode.OK, build.exitCode(), build.err());
  }

  @AfterEach
  void removeAll() {
    for (String id : lade("ps", "-a", "-q").out().lines().toList()) {
      lade("rm", "-f", id);
    }
  }

  @Test
  void detachedContainerRunsLogsExecsStopsAndIsRemoved() throws Exception {
    CliRun run = lade("run", "-d", "--name", "life", "-e", "GREETING=hi", "-w", "/tmp", IMAGE, "sh", "-c",
        TRAPS_TERM);
    assertEquals(0, run.exitCode(), run.err());
    String id = run.out().strip();
    assertTrue(id.matches("[0-9a-f]{64}"), id);
    awaitLog("life", "started");

    List<String> ps = lade("ps").out().lines().toList();
    assertEquals(2, ps.size(), ps.toString());
    assertTrue(ps.get(0).matches("CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES"), ps.get(0));
    assertTrue(ps.get(1).matches(id.substring(0, 12) + " +" + IMAGE + " +\"sh -c echo started;…\" +.* ago +Up .* +life"),
        ps.get(1));

    // As docker exec: the container's env and working directory, in its pid namespace.
    assertEquals(0, lade("exec", "life", "sh", "-c", "echo $GREETING $(pwd) $$ > /tmp/exec.out").exitCode());
    assertEquals(7, lade("exec", "life", "sh", "-c", "exit 7").exitCode());
    String rootfs = inspectField("life", "MergedDir");
    String exec = Files.readString(Path.of(rootfs, "tmp/exec.out")).strip();
    assertTrue(exec.matches("hi /tmp [0-9]+"), exec);
    assertNotEquals("1", exec.split(" ")[2]);

    assertEquals("life\n", lade("stop", "life").out());
    assertEquals("started\ngot TERM\n", lade("logs", "life").out());
    assertTrue(lade("ps").out().lines().count() == 1, "no running container left");
    assertTrue(lade("ps", "-a").out().contains("Exited (3) "));
    assertEquals("3", inspectField("life", "ExitCode"));
    assertEquals("\"exited\"", inspectField("life", "Status"));

    assertEquals("life\n", lade("rm", "life").out());
    assertEquals(1, lade("ps", "-a").out().lines().count());
    assertFalse(Files.exists(Path.of(rootfs)), "its root filesystem is gone");
    CliRun gone = lade("logs", "life");
    assertEquals(ExitCode.FAILED, gone.exitCode());
    assertEquals("lade: No such container: life\n", gone.err());
  }

  @Test
  void stopSendsTheImagesStopSignal() {
    String trapsUsr1 = "trap 'exit 10' USR1; echo started; while true; do sleep 0.1; done";
    assertEquals(0, lade("run", "-d", "--name", "usr1", "busybox:usr1", "sh", "-c", trapsUsr1).exitCode());
    awaitLog("usr1", "started");
    assertEquals(0, lade("stop", "usr1").exitCode());
    assertTrue(lade("ps", "-a").out().contains("Exited (10) "));
  }

  @Test
  void stopKillsAfterTheTimeout() {
    // PID 1 without a handler: SIGTERM does nothing, as in docker.
    assertEquals(0, lade("run", "-d", "--name", "deaf", IMAGE, "sleep", "60").exitCode());
    Instant start = Instant.now();
    assertEquals(0, lade("stop", "-t", "1", "deaf").exitCode());
    Duration took = Duration.between(start, Instant.now());
    assertTrue(took.toMillis() >= 1000, "waited the timeout: " + took);
    assertEquals("137", inspectField("deaf", "ExitCode"));
  }

  @Test
  void killSendsASignal() {
    assertEquals(0, lade("run", "-d", "--name", "hup", IMAGE, "sh", "-c",
        "trap 'exit 129' HUP; echo started; while true; do sleep 0.1; done").exitCode());
    awaitLog("hup", "started");
    assertEquals("hup\n", lade("kill", "-s", "HUP", "hup").out());
    awaitExit("hup");
    assertEquals("129", inspectField("hup", "ExitCode"));
    CliRun again = lade("kill", "hup");
    assertEquals(ExitCode.FAILED, again.exitCode());
    assertTrue(again.err().matches("lade: Cannot kill container: hup: Container [0-9a-f]{64} is not running\n"),
        again.err());
  }

  @Test
  void namesAreUnique() {
    assertEquals(0, lade("run", "-d", "--name", "dup", IMAGE, "sleep", "60").exitCode());
    String id = inspectField("dup", "Id").replace("\"", "");
    CliRun second = lade("run", "-d", "--name", "dup", IMAGE, "true");
    assertEquals(125, second.exitCode());
    assertEquals("lade: Conflict. The container name \"/dup\" is already in use by container \"" + id
        + "\". You have to remove (or rename) that container to be able to reuse that name.\n", second.err());
    assertEquals(2, lade("ps", "-a").out().lines().count());
    String generated = lade("run", "-d", IMAGE, "true").out().strip();
    assertTrue(inspectField(generated, "Name").matches("\"/[a-z]+_[a-z]+[0-9]?\""));
  }

  @Test
  void execIntoAStoppedContainerFailsWithOneLine() {
    String id = lade("run", "-d", "--name", "brief", IMAGE, "true").out().strip();
    awaitExit("brief");
    CliRun exec = lade("exec", "brief", "true");
    assertEquals(125, exec.exitCode());
    assertEquals("lade: Container " + id + " is not running\n", exec.err());
  }

  @Test
  void runningContainerIsRemovedOnlyByForce() {
    assertEquals(0, lade("run", "-d", "--name", "busy", IMAGE, "sleep", "60").exitCode());
    CliRun refused = lade("rm", "busy");
    assertEquals(ExitCode.FAILED, refused.exitCode());
    assertTrue(refused.err().endsWith("Stop the container before attempting removal or force remove\n"));
    assertEquals("busy\n", lade("rm", "-f", "busy").out());
    assertEquals(1, lade("ps", "-a").out().lines().count());
  }

  @Test
  void containerWritesNeverTouchTheImage() {
    assertEquals(0, lade("run", "-d", "--name", "vandal", IMAGE, "sh", "-c",
        "echo changed > /bin/marker && rm /bin/cat && echo x >> /etc/passwd").exitCode());
    awaitExit("vandal");
    assertEquals("0", inspectField("vandal", "ExitCode"));
    assertEquals(0, lade("run", "-d", "--name", "witness", IMAGE, "sh", "-c",
        "test ! -e /bin/marker && test -e /bin/cat && ! grep -qx x /etc/passwd").exitCode());
    awaitExit("witness");
    assertEquals("0", inspectField("witness", "ExitCode"));
  }

  @Test
  void detachedContainerSurvivesKillOfTheLadeThatStartedIt() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // In a session of its own, so that its whole process group can be killed as a terminal's hangup would.
    Process lade = new ProcessBuilder("setsid", java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--root", root.toString(), "run", "-d", "--name", "orphan", IMAGE, "sleep", "60")
        .redirectErrorStream(true).start();
    long group = lade.pid();
    awaitRunning("orphan");
    new ProcessBuilder("kill", "-9", "--", "-" + group).start().waitFor();
    lade.waitFor(10, TimeUnit.SECONDS);
    assertFalse(lade.isAlive());
    assertTrue(lade("ps").out().contains("orphan"), "still running");
    assertEquals(0, lade("exec", "orphan", "true").exitCode());
  }

  @Test
  void publishedPortServesARequestFromTheHost() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    CliRun run = lade("run", "-d", "--name", "web", "-p", "127.0.0.1:" + port + ":80", IMAGE, "sh", "-c",
        "mkdir /www && echo served by lade > /www/index.html && exec busybox httpd -f -p 80 -h /www");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(lade("ps").out().contains("127.0.0.1:" + port + "->80/tcp   web"), lade("ps").out());
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
    String[] body = new String[1];
    Await.until(() -> {
      try {
        body[0] = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return true;
      } catch (java.io.IOException | InterruptedException notYet) {
        return false;
      }
    }, "the container serves on port " + port);
    assertEquals("served by lade\n", body[0]);
  }

  @Test
  void initRunsTheCommandAsItsChild() {
    assertEquals(0, lade("run", "-d", "--init", "--name", "inited", IMAGE, "sh", "-c", "echo $$; exit 5").exitCode());
    assertEquals(0, lade("run", "-d", "--name", "plain", IMAGE, "sh", "-c", "echo $$").exitCode());
    awaitExit("inited");
    awaitExit("plain");
    assertNotEquals("1\n", lade("logs", "inited").out());
    assertEquals("5", inspectField("inited", "ExitCode"));
    assertEquals("1\n", lade("logs", "plain").out());
  }

  @Test
  void ttyGivesTheContainerATerminal() {
    assertEquals(0, lade("run", "-d", "-t", "--name", "term", IMAGE, "sh", "-c",
        "test -t 0 && test -t 1 && echo $TERM; sleep 60").exitCode());
    awaitLog("term", "xterm");
    assertEquals("xterm\r\n", lade("logs", "term").out(), "a terminal turns \\n into \\r\\n");
    assertEquals(0, lade("exec", "-t", "term", "sh", "-c", "test -t 0 && test -t 1").exitCode());
    assertEquals(1, lade("exec", "term", "sh", "-c", "test -t 1").exitCode());
  }

  @Test
  void runcAndCrunReportOomKillsAndTheirFailuresInOneLine() throws Exception {
    for (String runtime : List.of("runc", "crun")) {
      Process oom = lade(List.of("run", "--rm", "--runtime", runtime, "--memory", "16m", IMAGE, "sh", "-c",
          "x=$(head -c 64m /dev/zero | tr '\\0' a); echo survived"));
      assertEquals("", new String(oom.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      assertEquals("lade: the container ran out of memory and was killed\n",
          new String(oom.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), runtime);
      assertEquals(137, oom.waitFor());

      Process missing = lade(List.of("run", "--rm", "--runtime", runtime, IMAGE, "no-such-command"));
      String err = new String(missing.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(127, missing.waitFor());
      assertEquals(1, err.lines().count(), runtime + ": " + err);
      assertTrue(err.startsWith("lade: ") && err.contains("no-such-command"), err);
    }
  }

  /** lade in a JVM of its own on this test's store, its output to read. */
  private static Process lade(List<String> args) throws java.io.IOException {
    return ladeProcess(args).start();
  }

  private static ProcessBuilder ladeProcess(List<String> args) {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--root", root.toString()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
  }

  @Test
  void containerOfALadeKilledBeforeItStartedIsReleasedByTheNextLade() throws Exception {
    for (String name : List.of("half", "half-rm")) {
      Path recorded = root.resolve(name + ".recorded");
      List<String> args = new java.util.ArrayList<>(List.of("run", "--name", name, IMAGE, "true"));
      if (name.endsWith("-rm")) {
        args.add(1, "--rm");
      }
      ProcessBuilder builder = ladeProcess(args).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("LADE_TEST_PAUSE_CREATED", recorded.toString()); // lade waits once it recorded it
      Process lade = builder.start();
      String rootfs;
      try {
        Await.until(() -> Files.exists(recorded), name + " recorded");
        rootfs = inspectField(name, "MergedDir");
        assertTrue(isMountPoint(Path.of(rootfs)), "its root filesystem is mounted");
        assertTrue(lade("ps", "-a").out().contains("Created"), "its lade lives: it is being created");
        assertTrue(isMountPoint(Path.of(rootfs)), "ps left it alone");
      } finally {
        lade.destroyForcibly(); // SIGKILL: no shutdown hook runs
        lade.waitFor(10, TimeUnit.SECONDS);
      }
      CliRun next = lade("ps", "-a");
      String ps = next.out();
      assertEquals(ExitCode.OK, next.exitCode(), next.err());
      assertFalse(isMountPoint(Path.of(rootfs)), name + ": the next lade unmounted it: " + ps + next.err());
      if (name.endsWith("-rm")) {
        assertFalse(ps.contains(name), "--rm: removed: " + ps);
      } else {
        // As docker shows a container created and never started.
        assertTrue(ps.lines().anyMatch(line -> line.matches(".* Created +" + name)), ps);
        assertEquals("\"created\"", inspectField(name, "Status"));
        assertEquals(name + "\n", lade("rm", name).out());
      }
    }
  }

  private static boolean isMountPoint(Path path) throws java.io.IOException {
    return Files.isDirectory(path)
        && !Files.getAttribute(path, "unix:dev").equals(Files.getAttribute(path.getParent(), "unix:dev"));
  }

  @Test
  void autoRemovedContainerVanishesWhenItExits() {
    assertEquals(0, lade("run", "-d", "--rm", "--name", "fleeting", IMAGE, "true").exitCode());
    Await.until(() -> lade("ps", "-a").out().lines().count() == 1, "fleeting is removed");
    assertEquals(ExitCode.FAILED, lade("inspect", "fleeting").exitCode());
  }

  /** The supervisor's rm takes the snapshotter of the run, not $LADE_SNAPSHOTTER, which it inherits. */
  @Test
  void autoRemovedContainerGoesWithItsSnapshotOnTheSnapshotterItRanOn() throws Exception {
    List<Path> snapshotsBefore = activeSnapshots();
    ProcessBuilder run = ladeProcess(List.of("--snapshotter", "copy", "run", "-d", "--rm", "--name", "copied", IMAGE,
        "true")).redirectError(ProcessBuilder.Redirect.DISCARD);
    run.environment().put("LADE_SNAPSHOTTER", "none-of-lades"); // the flag wins; the supervisor's rm must name it
    Process lade = run.start();
    String id = new String(lade.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    assertEquals(0, lade.waitFor(), id);
    Await.until(() -> !lade("ps", "-a").out().contains("copied"), "copied is removed");
    assertEquals(snapshotsBefore, activeSnapshots(), "its snapshot went with it");
  }

  private static List<Path> activeSnapshots() throws java.io.IOException {
    Path active = root.resolve("snapshots").resolve("active");
    if (!Files.isDirectory(active)) return List.of();
    try (var snapshots = Files.list(active)) {
      return snapshots.sorted().toList();
    }
  }

  @Test
  void foregroundContainerReadsStdinWithDashIAndLeavesNothing() throws Exception {
    Process lade = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "--root", root.toString(), "run", "-i", "--rm",
        IMAGE, "sh", "-c", "read line; echo \"got $line\"; exit 4").redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    lade.getOutputStream().write("hello\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    lade.getOutputStream().close();
    assertEquals("got hello\n", new String(lade.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(4, lade.waitFor());
    assertEquals(1, lade("ps", "-a").out().lines().count());
  }

  @Test
  void foregroundContainerIsListedReachedByExecAndKeptWithoutRm() throws Exception {
    java.util.concurrent.CompletableFuture<CliRun> run = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> lade("run", "--name", "fg", IMAGE, "sleep", "60"));
    awaitRunning("fg");
    assertEquals(0, lade("exec", "fg", "true").exitCode());
    assertEquals("fg\n", lade("kill", "fg").out());
    assertEquals(137, run.get(60, TimeUnit.SECONDS).exitCode());
    assertTrue(lade("ps", "-a").out().contains("Exited (137) "), "kept, as docker run without --rm");
  }

  private static void awaitLog(String container, String text) {
    Await.until(() -> lade("logs", container).out().contains(text), container + " logged " + text);
  }

  private static void awaitExit(String container) {
    Await.until(() -> inspectField(container, "Running").equals("false"), container + " exited");
  }

  private static void awaitRunning(String container) {
    Await.until(() -> lade("ps").out().contains(container), container + " runs");
  }

  /** The first value of {@code field} in lade inspect's output for {@code container}, as JSON text. */
  private static String inspectField(String container, String field) {
    CliRun inspect = lade("inspect", container);
    Matcher m = Pattern.compile("\"" + field + "\": ([^,\\n]+)").matcher(inspect.out());
    assertTrue(m.find(), field + " in " + inspect.out() + inspect.err());
    String value = m.group(1).strip();
    return field.equals("MergedDir") ? value.replace("\"", "") : value;
  }

  private static CliRun lade(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--root";
    all[1] = root.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.of(all);
  }
}
