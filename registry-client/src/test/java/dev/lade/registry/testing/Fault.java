package dev.lade.registry.testing;

import java.time.Duration;
import java.util.Map;

/** What a {@link FaultProxy} does to a request instead of forwarding it faithfully. */
public sealed interface Fault {

  /**
   * Answers with {@code status} without asking the registry. The request body is read and dropped
   * first, so the connection stays usable.
   */
  record Respond(int status, Map<String, String> headers, String body) implements Fault {
    public Respond {
      headers = Map.copyOf(headers);
    }
  }

  /**
   * Forwards the request head and the first {@code afterBytes} bytes of its body (as on the wire,
   * chunk framing included), then resets the client connection (TCP RST) and drops the request at
   * the registry.
   */
  record ResetRequestBody(long afterBytes) implements Fault {}

  /**
   * Forwards the request and the response head and first {@code afterBytes} bytes of the response
   * body, then resets the client connection (TCP RST).
   */
  record ResetResponseBody(long afterBytes) implements Fault {}

  /** Holds the request for {@code delay} before forwarding it faithfully. */
  record Stall(Duration delay) implements Fault {}

  /** An error with a body as distribution writes it ({@code {"errors":[...]}}). */
  static Respond status(int status) {
    return error(status, "UNKNOWN");
  }

  /** An error with the registry error {@code code} in a body as distribution writes it. */
  static Respond error(int status, String code) {
    return new Respond(status, Map.of("Content-Type", "application/json"), errorBody(code));
  }

  /** {@code 429 Too Many Requests} with {@code Retry-After} in whole seconds. */
  static Respond tooManyRequests(Duration retryAfter) {
    return new Respond(
        429,
        Map.of(
            "Content-Type",
            "application/json",
            "Retry-After",
            Long.toString(retryAfter.toSeconds())),
        errorBody("TOOMANYREQUESTS"));
  }

  static ResetRequestBody resetRequestBodyAfter(long bytes) {
    return new ResetRequestBody(bytes);
  }

  static ResetResponseBody resetResponseBodyAfter(long bytes) {
    return new ResetResponseBody(bytes);
  }

  static Stall stall(Duration delay) {
    return new Stall(delay);
  }

  private static String errorBody(String code) {
    return "{\"errors\":[{\"code\":\"%s\",\"message\":\"injected by FaultProxy\"}]}"
        .formatted(code);
  }
}
