package dev.lade.registry.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A real distribution registry ({@code docker-registry serve}) on 127.0.0.1 and a free port, with
 * its own configuration, storage, certificates and (for token auth) {@link TokenServer}, all in a
 * temporary directory that {@link #close()} deletes along with the process.
 *
 * <p>TLS material follows Docker's {@code certs.d} layout in {@link #certificatesDirectory()}:
 * {@code ca.crt}, and with client certificates {@code client.cert} and {@code client.key}.
 */
public final class LocalRegistry implements AutoCloseable {

  private static final int START_ATTEMPTS = 3;

  private final RegistryOptions options;
  private final Path directory;
  private final RegistrySecurity security;
  private final int port;
  private final RegistryProcess process;

  private LocalRegistry(
      RegistryOptions options,
      Path directory,
      RegistrySecurity security,
      int port,
      RegistryProcess process) {
    this.options = options;
    this.directory = directory;
    this.security = security;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts a registry and waits until it answers {@code GET /v2/}.
   *
   * @throws IllegalStateException when {@code docker-registry} is not installed
   * @throws RegistryStartException when it does not come up (the message holds its log)
   */
  public static LocalRegistry start(RegistryOptions options) throws IOException {
    Path binary = Executables.dockerRegistry();
    Path directory = Files.createTempDirectory("lade-registry-");
    RegistrySecurity security = null;
    try {
      security = RegistrySecurity.prepare(options, directory);
      Path storage = Files.createDirectories(directory.resolve("storage"));
      Path config = directory.resolve("config.yml");
      Path log = directory.resolve("registry.log");
      for (int attempt = 1; ; attempt++) {
        int port = freePort();
        Files.writeString(
            config,
            RegistryConfig.render(port, storage, security.tlsConfig(), security.authSection()));
        RegistryProcess process = RegistryProcess.launch(binary, config, log);
        try {
          URI url = URI.create((options.tls() ? "https" : "http") + "://127.0.0.1:" + port);
          process.awaitReady(url, security.clientSslContext());
          LocalRegistry registry = new LocalRegistry(options, directory, security, port, process);
          ShutdownReaper.register(registry);
          return registry;
        } catch (RegistryStartException e) {
          process.stop();
          // Another process may have taken the port between probing and binding it.
          if (attempt == START_ATTEMPTS || !process.tail(5).contains("address already in use")) {
            throw e;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (security != null) {
        security.close();
      }
      TempDirectories.deleteRecursively(directory);
      throw e;
    }
  }

  /** {@code 127.0.0.1:PORT}, as in image references. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The process id of {@code docker-registry}. */
  public long pid() {
    return process.pid();
  }

  /** {@code http://127.0.0.1:PORT} or {@code https://127.0.0.1:PORT}, without a path. */
  public URI url() {
    return URI.create((options.tls() ? "https://" : "http://") + host());
  }

  public RegistryOptions options() {
    return options;
  }

  /** The filesystem storage driver's root directory. */
  public Path storageDirectory() {
    return directory.resolve("storage");
  }

  /** The registry's log (stdout and stderr). */
  public Path logFile() {
    return directory.resolve("registry.log");
  }

  /**
   * The requests the registry has answered and logged, in order; it logs a request only after
   * answering it, so this waits (at most 5 s) until {@code complete} holds for the list.
   */
  public List<LoggedRequest> requests(Predicate<List<LoggedRequest>> complete)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      List<LoggedRequest> logged = Files.readAllLines(logFile()).stream()
          .flatMap(line -> LoggedRequest.parse(line).stream())
          .toList();
      if (complete.test(logged) || System.nanoTime() > deadline) return logged;
      Thread.sleep(20);
    }
  }

  /** The last {@code lines} lines of the log, to explain a failure. */
  public String logTail(int lines) {
    return process.tail(lines);
  }

  /** The test CA that issued the registry's certificate. */
  public X509Certificate caCertificate() {
    return security.requireCa().root().certificate();
  }

  /**
   * The test CA's certificate as a PEM file ({@code ca.crt} in {@link #certificatesDirectory()}).
   */
  public Path caCertificatePem() {
    security.requireCa();
    return security.certificatesDirectory().resolve("ca.crt");
  }

  /** Docker's {@code certs.d/HOST:PORT} layout for this registry. */
  public Path certificatesDirectory() {
    security.requireCa();
    return security.certificatesDirectory();
  }

  /** The client certificate the registry accepts; only with client certificates demanded. */
  public IssuedCertificate clientCertificate() {
    return security.requireClientIdentity();
  }

  /**
   * A client context trusting only the test CA, presenting the client certificate when the registry
   * demands one.
   */
  public SSLContext sslContext() {
    security.requireCa();
    return security.clientSslContext();
  }

  /** The user of a basic-auth registry. */
  public Credentials credentials() {
    if (options.auth() instanceof RegistryAuth.Htpasswd htpasswd) {
      return htpasswd.credentials();
    }
    throw new IllegalStateException("registry does not use basic auth: " + options.auth());
  }

  /** The token server of a token-auth registry. */
  public TokenServer tokenServer() {
    return security.requireTokenServer();
  }

  /** Stops the registry (and its token server) and deletes its directory. */
  @Override
  public void close() {
    ShutdownReaper.unregister(this);
    process.stop();
    security.close();
    TempDirectories.deleteRecursively(directory);
  }

  @Override
  public String toString() {
    return "LocalRegistry[" + url() + ", pid " + pid() + ", " + directory + "]";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
