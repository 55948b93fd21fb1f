package dev.lade.buildkit.fs.fetch;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.digest.DigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fetches over HTTP(S) with the JDK's client, following redirects as BuildKit's HTTP source does,
 * and streams the body to disk while hashing it.
 */
public final class HttpUrlFetcher implements UrlFetcher {
  private final Supplier<HttpClient> client;

  /**
   * A fetcher whose client is made on the first fetch: making it loads the JDK's trust store (a
   * tenth of a no-op rebuild's CPU), and most builds fetch nothing.
   */
  public HttpUrlFetcher() {
    this.client = new Supplier<>() {
      private HttpClient made;

      @Override
      public synchronized HttpClient get() {
        if (made == null) {
          made = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(30)).build();
        }
        return made;
      }
    };
  }

  public HttpUrlFetcher(HttpClient client) {
    this.client = () -> client;
  }

  @Override
  public FetchedFile fetch(URI url, DigestAlgorithm algorithm, Path scratch) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(url).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + url, e);
    } catch (IOException e) {
      throw new IOException(describe(e), e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() / 100 != 2) {
        throw new IOException("invalid response status " + response.statusCode());
      }
      Path file = Files.createTempFile(scratch, "url-", "");
      MessageDigest md = algorithm.newMessageDigest();
      long size = 0;
      byte[] buffer = new byte[64 * 1024];
      try (OutputStream out = Files.newOutputStream(file)) {
        for (int n; (n = body.read(buffer)) > 0; ) {
          md.update(buffer, 0, n);
          out.write(buffer, 0, n);
          size += n;
        }
      }
      Optional<Instant> modified = response.headers().firstValue("Last-Modified").flatMap(HttpTime::parse);
      return new FetchedFile(file, size, new Digest(algorithm, java.util.HexFormat.of().formatHex(md.digest())), modified);
    }
  }

  /** The JDK's connect errors often carry no message: name the cause instead of printing "null". */
  private static String describe(IOException e) {
    Throwable t = e;
    while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
    String name = t.getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
        .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    return t.getMessage() == null ? name : t.getMessage().contains(" ") ? t.getMessage() : name + ": " + t.getMessage();
  }
}
