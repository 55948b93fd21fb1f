package dev.lade.oci.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private {@code dockerd} (Debian's docker.io) with its own data root, exec root and socket in a
 * temporary directory, started as the guide prescribes ({@code --bridge=none --iptables=false}),
 * never touching a system daemon. Builds use BuildKit ({@code DOCKER_BUILDKIT=1}) with
 * {@code --network host}, as there is no bridge.
 *
 * <p>Starting a daemon takes a second or two, so test classes share one through {@link
 * #shared()}; it stops when the JVM exits. Tests that need a clean daemon {@link #start()} their
 * own and close it.
 */
public final class DockerDaemon implements AutoCloseable {

  /** Debian's daemon; the client beside it speaks its API version. */
  public static final Path DOCKERD = Path.of("/usr/sbin/dockerd");

  /**
   * Debian's client. Not whatever {@code docker} is first on PATH: a newer client there may need
   * buildx, which the daemon's built-in BuildKit does not.
   */
  public static final Path CLIENT = Path.of("/usr/bin/docker");

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
  private static DockerDaemon shared;

  private final Path directory;
  private final Process process;

  private DockerDaemon(Path directory, Process process) {
    this.directory = directory;
    this.process = process;
  }

  /**
   * Whether a private daemon can run here, and if not, why: it needs Debian's docker.io and
   * root. Tests pass this to {@code Assumptions.assumeTrue} so a skip says what is missing.
   */
  public static String unavailableReason() {
    if (!Files.isExecutable(DOCKERD) || !Files.isExecutable(CLIENT)) {
      return "Debian's docker.io is not installed (" + DOCKERD + ", " + CLIENT
          + "); ./test installs everything in tools/test-packages.txt";
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return "dockerd needs root (CI runs the suite as root)";
    }
    return null;
  }

  /** The daemon shared by every test in this JVM, started on first use. */
  public static synchronized DockerDaemon shared() throws IOException {
    if (shared == null || !shared.process.isAlive()) {
      shared = start();
    }
    return shared;
  }

  /**
   * Starts a daemon and waits until it answers {@code GET /_ping}.
   *
   * @throws IllegalStateException when it cannot run here ({@link #unavailableReason()})
   * @throws IOException when it does not come up (the message holds the end of its log)
   */
  public static DockerDaemon start() throws IOException {
    String unavailable = unavailableReason();
    if (unavailable != null) {
      throw new IllegalStateException(unavailable);
    }
    // Short: a unix socket path must fit in 108 bytes.
    Path directory = Files.createTempDirectory(Path.of("/tmp"), "ldd-");
    Path log = directory.resolve("dockerd.log");
    Process process =
        new ProcessBuilder(
                DOCKERD.toString(),
                "--bridge=none",
                "--iptables=false",
                "--ip6tables=false",
                "--host=unix://" + directory.resolve("docker.sock"),
                "--data-root=" + directory.resolve("root"),
                "--exec-root=" + directory.resolve("exec"),
                "--pidfile=" + directory.resolve("dockerd.pid"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    DockerDaemon daemon = new DockerDaemon(directory, process);
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "lade-test-dockerd-stop"));
    try {
      daemon.awaitReady();
    } catch (IOException | RuntimeException e) {
      daemon.close();
      throw e;
    }
    return daemon;
  }

  /** The daemon's socket, for {@code DOCKER_HOST=unix://...}. */
  public Path socket() {
    return directory.resolve("docker.sock");
  }

  /** Runs Debian's docker client against this daemon, with BuildKit on. */
  public ToolResult docker(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(CLIENT.toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("DOCKER_HOST", "unix://" + socket());
    env.put("DOCKER_BUILDKIT", "1");
    // Keep the user's config (credentials, a default context) out of the tests.
    env.put("DOCKER_CONFIG", directory.resolve("client").toString());
    return run(builder);
  }

  /** Like {@link #docker}, but fails the test with the command's output unless it succeeds. */
  public ToolResult dockerOk(String... arguments) throws IOException {
    ToolResult result = docker(arguments);
    if (!result.ok()) {
      throw new AssertionError("docker " + String.join(" ", arguments) + " failed: " + result.describe());
    }
    return result;
  }

  /** {@code docker import} of a rootfs tarball, e.g. from {@link BusyboxRootfs}; returns the image id. */
  public String importRootfs(Path tarball, String reference) throws IOException {
    return dockerOk("import", tarball.toString(), reference).stdout().strip();
  }

  /**
   * {@code docker build} with BuildKit and {@code --network host}; returns the image id.
   *
   * @param extra further flags ({@code --build-arg}, {@code --target}, ...)
   */
  public String build(Path context, Path dockerfile, String tag, String... extra) throws IOException {
    Path iidfile = Files.createTempFile(directory, "iid-", ".txt");
    List<String> arguments = new ArrayList<>(List.of(
        "build", "--network", "host", "--progress", "plain",
        "-f", dockerfile.toString(), "-t", tag, "--iidfile", iidfile.toString()));
    arguments.addAll(List.of(extra));
    arguments.add(context.toString());
    dockerOk(arguments.toArray(String[]::new));
    return Files.readString(iidfile).strip();
  }

  /** {@code docker save} of one or more references into {@code tarball}. */
  public void save(Path tarball, String... references) throws IOException {
    List<String> arguments = new ArrayList<>(List.of("save", "-o", tarball.toString()));
    arguments.addAll(List.of(references));
    dockerOk(arguments.toArray(String[]::new));
  }

  /** {@code docker load -i}; returns the client's output ({@code Loaded image: ...} lines). */
  public ToolResult load(Path tarball) throws IOException {
    return docker("load", "-i", tarball.toString());
  }

  /** Stops the daemon and whatever it started, unmounts what it left and deletes its directory. */
  @Override
  public synchronized void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    unmountUnder(directory);
    deleteTree(directory);
  }

  @Override
  public String toString() {
    return "dockerd at " + socket();
  }

  private void awaitReady() throws IOException {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("dockerd exited with status " + process.exitValue() + ": " + logTail());
      }
      if (pings()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted waiting for dockerd", e);
      }
    }
    throw new IOException("dockerd did not answer /_ping within " + READY_TIMEOUT + ": " + logTail());
  }

  private boolean pings() {
    if (!Files.exists(socket())) {
      return false;
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket()));
      channel.write(ByteBuffer.wrap(
          "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer answer = ByteBuffer.allocate(512);
      while (channel.read(answer) >= 0 && answer.hasRemaining()) {
        // HTTP/1.0: the daemon closes the connection after its answer.
      }
      String text = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
      return text.startsWith("HTTP/1.") && text.contains(" 200 ");
    } catch (IOException notYet) {
      return false;
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(directory.resolve("dockerd.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static ToolResult run(ProcessBuilder builder) throws IOException {
    Path out = Files.createTempFile("lade-docker-", ".out");
    Path err = Files.createTempFile("lade-docker-", ".err");
    try {
      Process process =
          builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(builder.command() + " did not finish within " + COMMAND_TIMEOUT);
      }
      return new ToolResult(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running " + builder.command(), e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Lazily unmounts whatever the daemon left mounted below {@code directory} (overlays, shm). */
  private static void unmountUnder(Path directory) {
    List<String> mountPoints;
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
      String prefix = directory.toString() + "/";
      mountPoints = lines.map(line -> line.split(" ")[4])
          .map(point -> point.replace("\\040", " "))
          .filter(point -> point.startsWith(prefix))
          .sorted(Comparator.reverseOrder())
          .toList();
    } catch (IOException e) {
      return;
    }
    for (String point : mountPoints) {
      try {
        new ProcessBuilder("umount", "-l", point).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
      } catch (IOException e) {
        // Best effort: a leftover mount only keeps the directory from being deleted.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void deleteTree(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // Best effort, as above.
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // Best effort, as above.
    }
  }
}
