package dev.lade.registry;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import dev.lade.registry.auth.Credential;
import dev.lade.registry.transport.Endpoint;
import dev.lade.registry.transport.Endpoints;
import dev.lade.registry.transport.TlsSetupException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A client of one registry's OCI distribution API, thread-safe (also from virtual threads). It
 * finds how to reach the registry on first use (HTTPS, or plain HTTP where allowed), then offers
 * {@link #manifests()}, {@link #blobs()} and {@link #tags()}. Reads go to the registry's mirrors
 * first, if configured.
 *
 * <pre>{@code
 * try (RegistryClient registry = RegistryClient.forRegistry("localhost:5000", RegistryConfig.defaults())) {
 *   PulledManifest manifest = registry.manifests().get("lade/app", "1.0");
 * }
 * }</pre>
 */
public final class RegistryClient implements AutoCloseable {
  private final String registry;
  private final RegistryConfig config;
  private final List<RegistryClient> mirrors;
  private final ReentrantLock resolving = new ReentrantLock();
  private volatile RegistrySession session;

  private RegistryClient(String registry, RegistryConfig config, List<RegistryClient> mirrors) {
    this.registry = registry;
    this.config = config;
    this.mirrors = mirrors;
  }

  /**
   * A client for registry {@code host} ({@code host[:port]} as in a reference's domain; {@code
   * docker.io} is served from {@code registry-1.docker.io}). Nothing is sent yet.
   */
  public static RegistryClient forRegistry(String host, RegistryConfig config) {
    Objects.requireNonNull(host, "host");
    List<RegistryClient> mirrors = new ArrayList<>();
    for (String mirror : config.transport().mirrorsOf(host)) {
      mirrors.add(new RegistryClient(mirror, config, List.of()));
    }
    return new RegistryClient(host, config, List.copyOf(mirrors));
  }

  /** The registry host, as given. */
  public String registry() {
    return registry;
  }

  /** The base URL the registry answers at ({@code https://host:port}), found on first use. */
  public URI baseUrl() throws IOException {
    return session().endpoint().base();
  }

  /** Checks that the registry speaks the v2 API and accepts our credentials ({@code GET /v2/}). */
  public void ping() throws IOException {
    session().expect(Call.get("/v2/", List.of(), "ping"), 200).close();
  }

  /** Manifest operations. */
  public Manifests manifests() {
    return new Manifests(this);
  }

  /** Blob operations. */
  public Blobs blobs() {
    return new Blobs(this);
  }

  /** Tag listing. */
  public Tags tags() {
    return new Tags(this);
  }

  /**
   * The repositories of the registry ({@code GET /v2/_catalog}), all pages of {@code pageSize}.
   * Many registries refuse this; it is optional in the OCI spec.
   */
  public List<String> catalog(int pageSize) throws IOException {
    return new Pages(session()).all("/v2/_catalog?n=" + pageSize,
        List.of(new dev.lade.registry.auth.Scope("registry", "catalog", List.of("*"))),
        "list catalog", "repositories");
  }

  RegistryConfig config() {
    return config;
  }

  /** The sessions to read from, mirrors first; a mirror that cannot be reached is left out. */
  List<RegistrySession> readSessions() throws IOException {
    List<RegistrySession> sessions = new ArrayList<>();
    for (RegistryClient mirror : mirrors) {
      try {
        sessions.add(mirror.session());
      } catch (RegistryException unreachable) {
        // the registry itself remains
      }
    }
    sessions.add(session());
    return sessions;
  }

  RegistrySession session() throws IOException {
    RegistrySession current = session;
    if (current != null) return current;
    resolving.lock();
    try {
      if (session == null) session = resolve();
      return session;
    } finally {
      resolving.unlock();
    }
  }

  private RegistrySession resolve() throws IOException {
    Optional<Endpoint> plain = Endpoints.plainLoopback(registry, config.transport());
    if (plain.isPresent()) {
      if (answersAsRegistry(plain.get())) return newSession(plain.get(), config.credentials().credentialFor(registry));
      plain.get().transport().shutdown();
    }
    List<Endpoint> candidates = Endpoints.forHost(registry, config.transport());
    Endpoint chosen = null;
    IOException first = null;
    try {
      Credential credential = config.credentials().credentialFor(registry);
      for (Endpoint endpoint : candidates) {
        try {
          if (candidates.size() > 1 && probe(endpoint) == 400 && endpoint.plainHttp() && first != null) {
            // A TLS port answers plain HTTP with 400 (as Go's servers do): its HTTPS error is the one to report.
            break;
          }
          chosen = endpoint;
          return newSession(endpoint, credential);
        } catch (IOException e) {
          if (first == null) first = e;
          // A TLS server that refused us (untrusted certificate, no client certificate) must not
          // be talked to in plain HTTP instead; only a server that does not speak TLS at all is.
          if (isHandshakeFailure(e)) break;
        }
      }
      throw new RegistryException(registry, "connect", RegistrySession.describe(first), first);
    } finally {
      for (Endpoint endpoint : candidates) {
        if (endpoint != chosen) endpoint.transport().shutdown();
      }
    }
  }

  /**
   * Whether a TLS server refused the handshake: our checks of its certificate failed, or it sent
   * a fatal alert (such as for a missing client certificate). A peer that just hangs up on TLS is
   * no TLS server, and may speak plain HTTP.
   */
  private static boolean isHandshakeFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.security.GeneralSecurityException || cause instanceof TlsSetupException) return true;
      if (cause instanceof javax.net.ssl.SSLException
          && String.valueOf(cause.getMessage()).contains("fatal alert")) {
        return true;
      }
    }
    return false;
  }

  private RegistrySession newSession(Endpoint endpoint, Credential credential) {
    return new RegistrySession(registry, endpoint, credential, config.transport(), config.clock());
  }

  /** Any HTTP answer to {@code GET /v2/} shows the endpoint speaks, 401 included; returns its status. */
  private int probe(Endpoint endpoint) throws IOException {
    LowLevelHttpResponse response = ping(endpoint);
    response.disconnect();
    return response.getStatusCode();
  }

  /** Whether {@code endpoint} answers {@code GET /v2/} as a registry does: 200, or 401 to ask for credentials. */
  private boolean answersAsRegistry(Endpoint endpoint) {
    try {
      LowLevelHttpResponse response = ping(endpoint);
      response.disconnect();
      return response.getStatusCode() == 200 || response.getStatusCode() == 401;
    } catch (IOException e) {
      return false;
    }
  }

  private LowLevelHttpResponse ping(Endpoint endpoint) throws IOException {
    LowLevelHttpRequest request = endpoint.transport().request("GET", endpoint.base().resolve("/v2/"));
    request.setTimeout((int) config.transport().connectTimeout().toMillis(),
        (int) config.transport().readTimeout().toMillis());
    return request.execute();
  }

  /** Frees the connections. */
  @Override
  public void close() throws IOException {
    for (RegistryClient mirror : mirrors) mirror.close();
    RegistrySession current = session;
    if (current != null) current.endpoint().transport().shutdown();
  }

  @Override
  public String toString() {
    RegistrySession current = session;
    return "RegistryClient[" + registry + (current == null ? "" : ", " + current.endpoint()) + "]";
  }
}
