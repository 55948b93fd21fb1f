package dev.lade.registry.transport;

import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * Follows HTTP redirects as Go's {@code net/http} does, which Docker's registry and token clients
 * use: 301, 302 and 303 turn a request other than {@code GET} or {@code HEAD} into a {@code GET}
 * without a body; 307 and 308 send it again as it was, body included. At most {@link #MAX_HOPS}
 * redirects are followed; the last answer is returned whatever it is.
 */
public final class Redirects {
  /** Go's limit. */
  public static final int MAX_HOPS = 10;

  private Redirects() {}

  /** Makes the request of one hop; the caller adds headers, credentials only for an origin it trusts. */
  @FunctionalInterface
  public interface Hop {
    /**
     * A request of {@code method} to {@code url}, not yet sent.
     *
     * @param withBody whether the original request's body goes along (it never does after a 303)
     */
    LowLevelHttpRequest request(String method, URI url, boolean withBody) throws IOException;
  }

  /** The final answer, and the URL that gave it (relative {@code Location}s resolve against it). */
  public record Answer(LowLevelHttpResponse response, URI url) {}

  /** Sends {@code method} to {@code url} through {@code hop}, following redirects. */
  public static Answer follow(String method, URI url, Hop hop) throws IOException {
    boolean withBody = true;
    for (int hops = 0; ; hops++) {
      LowLevelHttpResponse response = hop.request(method, url, withBody).execute();
      int status = response.getStatusCode();
      String location = header(response, "Location");
      if (!isRedirect(status) || location == null || hops == MAX_HOPS) return new Answer(response, url);
      discard(response);
      url = url.resolve(location);
      if (status != 307 && status != 308 && !method.equals("GET") && !method.equals("HEAD")) {
        method = "GET";
        withBody = false;
      }
    }
  }

  /** Whether {@code status} is a redirect, its target named in {@code Location}. */
  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** Whether {@code a} and {@code b} have the same scheme, host and port: where credentials may go. */
  public static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme())
        && Objects.equals(a.getHost(), b.getHost())
        && a.getPort() == b.getPort();
  }

  private static String header(LowLevelHttpResponse response, String name) throws IOException {
    for (int i = 0; i < response.getHeaderCount(); i++) {
      if (name.equalsIgnoreCase(response.getHeaderName(i))) return response.getHeaderValue(i);
    }
    return null;
  }

  // A redirect's body is a note for browsers.
  private static void discard(LowLevelHttpResponse response) throws IOException {
    response.disconnect();
  }
}
