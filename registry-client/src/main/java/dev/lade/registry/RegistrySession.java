package dev.lade.registry;

import com.google.api.client.http.LowLevelHttpRequest;
import dev.lade.registry.auth.Authenticator;
import dev.lade.registry.auth.Challenge;
import dev.lade.registry.auth.Challenges;
import dev.lade.registry.auth.Credential;
import dev.lade.registry.auth.Scope;
import dev.lade.registry.transport.Endpoint;
import dev.lade.registry.transport.Redirects;
import dev.lade.registry.transport.RetryAfter;
import dev.lade.registry.transport.RetryPolicy;
import dev.lade.registry.transport.TransportConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sends {@link Call}s to one registry endpoint: authorizes them (answering one 401 with fresh
 * credentials), follows redirects of reads (without credentials to another host) and retries
 * idempotent calls after connection errors, 5xx and 429.
 */
final class RegistrySession {
  private final String registry;
  private final Endpoint endpoint;
  private final Authenticator authenticator;
  private final TransportConfig config;
  private final Clock clock;

  RegistrySession(String registry, Endpoint endpoint, Credential credential, TransportConfig config, Clock clock) {
    this.registry = registry;
    this.endpoint = endpoint;
    this.authenticator = new Authenticator(registry, credential, endpoint.transport(), clock);
    this.config = config;
    this.clock = clock;
  }

  String registry() {
    return registry;
  }

  Endpoint endpoint() {
    return endpoint;
  }

  /** Sends {@code call}, retrying as allowed; the caller checks the status and closes the reply. */
  Reply send(Call call) throws IOException {
    RetryPolicy retry = config.retry();
    for (int attempt = 1; ; attempt++) {
      boolean last = !call.idempotent() || attempt >= retry.maxAttempts();
      Reply reply;
      try {
        reply = sendAuthorized(call);
      } catch (RegistryException e) {
        throw e;
      } catch (IOException e) {
        if (last) throw new RegistryException(registry, call.operation(), describe(e), e);
        pause(retry.delayAfter(attempt, null));
        continue;
      }
      if (last || !retryable(reply.status())) return reply;
      Duration retryAfter = RetryAfter.parse(reply.header("Retry-After").orElse(null), clock).orElse(null);
      reply.close();
      pause(retry.delayAfter(attempt, retryAfter));
    }
  }

  /** Sends {@code call} and fails unless the status is one of {@code expected}. */
  Reply expect(Call call, int... expected) throws IOException {
    Reply reply = send(call);
    for (int status : expected) {
      if (reply.status() == status) return reply;
    }
    throw failure(call.operation(), reply);
  }

  /** A reply whose body was read whole. */
  record Buffered(Reply reply, byte[] body) {}

  /**
   * Sends {@code call} (idempotent), expecting one of {@code expected}, and reads at most {@code
   * limit} bytes of the body; a body that breaks off is fetched again, as the retry policy allows.
   */
  Buffered fetch(Call call, int limit, int... expected) throws IOException {
    RetryPolicy retry = config.retry();
    for (int attempt = 1; ; attempt++) {
      try (Reply reply = expect(call, expected)) {
        return new Buffered(reply, reply.readBody(limit));
      } catch (RegistryException e) {
        throw e;
      } catch (IOException broken) {
        if (attempt >= retry.maxAttempts()) {
          throw new RegistryException(registry, call.operation(), describe(broken), broken);
        }
        pause(retry.delayAfter(attempt, null));
      }
    }
  }

  /** The error a reply stands for, read from its body; closes the reply. */
  RegistryException failure(String operation, Reply reply) throws IOException {
    try (reply) {
      byte[] body = reply.readBody(ErrorBodies.LIMIT);
      return new RegistryException(
          registry, operation, reply.status(), ErrorBodies.parse(body), ErrorBodies.reason(reply.status(), body), null);
    }
  }

  private Reply sendAuthorized(Call call) throws IOException {
    String authorization = authenticator.authorization(call.scopes()).orElse(null);
    Reply reply = execute(call, authorization);
    if (reply.status() != 401) return reply;
    List<Challenge> challenges = Challenges.parse(reply.headers("WWW-Authenticate"));
    List<Scope> scopes = call.scopes().isEmpty() ? Authenticator.challengedScopes(challenges) : call.scopes();
    if (!authenticator.unauthorized(challenges, scopes, authorization != null)) return reply;
    reply.close();
    return execute(call, authenticator.authorization(scopes).orElse(null));
  }

  // Only reads follow redirects: a write's answer (201, 202) names the next step in Location.
  private Reply execute(Call call, String authorization) throws IOException {
    URI url = endpoint.base().resolve(call.target());
    Redirects.Hop hop = (method, target, withBody) ->
        request(call, method, target, sameOrigin(target) ? authorization : null, withBody);
    boolean read = call.method().equals("GET") || call.method().equals("HEAD");
    if (!read) return new Reply(hop.request(call.method(), url, true).execute(), url);
    Redirects.Answer answer = Redirects.follow(call.method(), url, hop);
    return new Reply(answer.response(), answer.url());
  }

  private LowLevelHttpRequest request(Call call, String method, URI url, String authorization, boolean withBody)
      throws IOException {
    LowLevelHttpRequest request = endpoint.transport().request(method, url);
    request.setTimeout((int) config.connectTimeout().toMillis(), (int) config.readTimeout().toMillis());
    // No Accept-Encoding: bytes must arrive as stored, or digests would not match.
    for (Map.Entry<String, String> header : call.headers().entrySet()) {
      request.addHeader(header.getKey(), header.getValue());
    }
    if (authorization != null) request.addHeader("Authorization", authorization);
    if (withBody && call.body() != null) call.body().open().attachTo(request);
    return request;
  }

  /** Credentials go only to the registry itself, never to storage it redirects to. */
  private boolean sameOrigin(URI url) {
    return Redirects.sameOrigin(url, endpoint.base());
  }

  private static boolean retryable(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  private static void pause(Duration delay) throws InterruptedIOException {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  /** A connection failure in a few words; the JDK's messages are often null or cryptic. */
  static String describe(IOException e) {
    String kind = switch (e) {
      case java.net.ConnectException c -> "connection refused";
      case java.net.http.HttpConnectTimeoutException t -> "connect timed out";
      case java.net.http.HttpTimeoutException t -> "timed out waiting for a response";
      case java.net.SocketTimeoutException t -> "timed out waiting for a response";
      case javax.net.ssl.SSLException s -> "TLS error";
      case java.net.UnknownHostException u -> "unknown host";
      default -> "connection failed";
    };
    String message = e.getMessage();
    return message == null || message.isBlank() ? kind : kind + " (" + message.replace('\n', ' ') + ")";
  }
}
