package dev.lade.registry.transport;

import com.google.api.client.http.LowLevelHttpRequest;
import java.io.IOException;
import java.net.URI;

/**
 * Sends HTTP requests as they are given: no redirects followed, no retries, no body decoded. The
 * registry client does all of that itself, so that it knows what was sent where. The headers added
 * are lade's {@code User-Agent} (the configured one, on every request: registries and token
 * servers alike) and those the JDK sets ({@code Host}, {@code Content-Length}, {@code Connection},
 * and on {@code HttpURLConnection} a default {@code Accept} when the caller sends none).
 * google-http-client's {@code HttpRequest} on top of this cost every command 40 to 170 ms at start
 * (its {@code Data} class runs {@code BigDecimal}'s static set-up in the interpreter) and every
 * request its reflective headers and tracing spans; only its low-level request and response types
 * remain, as the interface to the two transports.
 */
public interface Transport {
  /** A request of {@code method} to {@code url}, not sent until {@link LowLevelHttpRequest#execute}. */
  LowLevelHttpRequest request(String method, URI url) throws IOException;

  /** Frees what the transport holds (a selector thread, idle connections). */
  void shutdown();
}
