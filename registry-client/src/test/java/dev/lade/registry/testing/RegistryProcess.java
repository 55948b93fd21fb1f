package dev.lade.registry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** One {@code docker-registry serve} process, its output going to a log file. */
final class RegistryProcess {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

  private final Process process;
  private final Path log;

  private RegistryProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static RegistryProcess launch(Path binary, Path config, Path log) throws IOException {
    Process process =
        new ProcessBuilder(binary.toString(), "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new RegistryProcess(process, log);
  }

  /**
   * Waits until {@code GET /v2/} gets any HTTP answer (401 counts: the registry is up, it just
   * wants credentials).
   *
   * @throws RegistryStartException when the process exits or does not answer in time
   */
  void awaitReady(URI base, SSLContext ssl) throws RegistryStartException {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    HttpClient.Builder builder =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PROBE_TIMEOUT);
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    try (HttpClient http = builder.build()) {
      HttpRequest probe =
          HttpRequest.newBuilder(base.resolve("/v2/")).timeout(PROBE_TIMEOUT).build();
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new RegistryStartException(
              "docker-registry exited with status " + process.exitValue(), tail(40));
        }
        try {
          http.send(probe, HttpResponse.BodyHandlers.discarding());
          return;
        } catch (IOException notYet) {
          sleep(Duration.ofMillis(10));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RegistryStartException("interrupted waiting for docker-registry", tail(40));
        }
      }
    }
    throw new RegistryStartException(
        "docker-registry did not answer GET " + base + "/v2/ within " + READY_TIMEOUT, tail(40));
  }

  /** Kills the process and whatever it started, waiting until they are gone. */
  void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  long pid() {
    return process.pid();
  }

  /** The last {@code lines} lines of the log. */
  String tail(int lines) {
    try {
      if (!Files.exists(log)) {
        return "";
      }
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
