package dev.lade.registry.transport;

import com.google.api.client.http.LowLevelHttpRequest;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.HttpsURLConnection;

/**
 * A {@link Transport} on the JDK's {@link HttpURLConnection}, reading and writing bodies
 * on the calling thread with large buffers: it moved blobs 3 to 7 times faster than {@code
 * java.net.http} (whose body streams hand small buffers across threads), and it loads no TLS for
 * plain-HTTP registries. {@code HttpURLConnection} cannot send {@code PATCH}, which chunked blob
 * uploads need; those requests go to a {@link JdkHttpTransport}, made on first use. Redirects are
 * never followed (the caller does, so it can drop credentials on a change of host); connections are
 * kept alive between requests. Every request carries {@code userAgent}, in place of the JDK's
 * {@code Java/VERSION}.
 */
public final class UrlConnectionTransport implements Transport {
  private final TlsSource tls;
  private final ProxySelector proxies;
  private final Duration connectTimeout;
  private final String userAgent;
  private JdkHttpTransport patching;

  UrlConnectionTransport(TlsSource tls, ProxySelector proxies, Duration connectTimeout, String userAgent) {
    this.tls = Objects.requireNonNull(tls, "tls");
    this.proxies = Objects.requireNonNull(proxies, "proxies");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
  }

  @Override
  public LowLevelHttpRequest request(String method, URI uri) throws IOException {
    if (method.equals("PATCH")) return patching().request(method, uri);
    List<Proxy> proxy = proxies.select(uri);
    URL target = uri.toURL();
    HttpURLConnection connection = (HttpURLConnection)
        (proxy.isEmpty() ? target.openConnection() : target.openConnection(proxy.get(0)));
    if (connection instanceof HttpsURLConnection https) https.setSSLSocketFactory(tls.get().getSocketFactory());
    connection.setRequestProperty("User-Agent", userAgent);
    return new UrlConnectionRequest(connection, method);
  }

  private synchronized JdkHttpTransport patching() throws IOException {
    if (patching == null) patching = JdkHttpTransport.create(tls.get(), proxies, connectTimeout, userAgent);
    return patching;
  }

  @Override
  public synchronized void shutdown() {
    // Idle kept-alive connections close themselves; only the JDK client holds a selector thread.
    if (patching != null) patching.shutdown();
  }
}
