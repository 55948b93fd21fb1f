package dev.lade.registry.transport;

import com.google.api.client.http.LowLevelHttpRequest;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A {@link Transport} on the JDK's {@link HttpClient}. {@code NetHttpTransport} sits on
 * {@code HttpURLConnection}, which cannot send {@code PATCH}, and chunked blob uploads need it. This
 * transport streams request and response bodies, never follows redirects (the caller does, so it
 * can drop credentials on a change of host), and speaks HTTP/1.1.
 */
public final class JdkHttpTransport implements Transport {
  private final HttpClient client;

  private final String userAgent;

  private JdkHttpTransport(HttpClient client, String userAgent) {
    this.client = client;
    this.userAgent = userAgent;
  }

  /**
   * A transport using {@code sslContext} for HTTPS and {@code proxies} to pick proxies.
   *
   * @param connectTimeout how long to wait for a connection
   * @param userAgent the {@code User-Agent} of every request, in place of the JDK's
   */
  public static JdkHttpTransport create(
      SSLContext sslContext, ProxySelector proxies, Duration connectTimeout, String userAgent) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(Objects.requireNonNull(sslContext, "sslContext"))
            .proxy(Objects.requireNonNull(proxies, "proxies"))
            .connectTimeout(connectTimeout)
            .build();
    return new JdkHttpTransport(client, Objects.requireNonNull(userAgent, "userAgent"));
  }

  @Override
  public LowLevelHttpRequest request(String method, URI url) {
    return new JdkHttpRequest(client, method, url, userAgent);
  }

  @Override
  public void shutdown() {
    // HttpClient.close exists only from Java 21 on, which is our floor; it frees the selector thread.
    client.close();
  }
}
