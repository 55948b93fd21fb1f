package dev.lade.registry.transport;

import java.io.IOException;
import javax.net.ssl.SSLContext;

/**
 * Makes the TLS context of a registry host on first use, once. Plain-HTTP registries (loopback,
 * insecure hosts) never need one, and building one costs start-up time: the system's CA
 * certificates are parsed and the TLS stack is loaded.
 */
final class TlsSource {
  /** Builds the context; may read {@code certs.d}. */
  @FunctionalInterface
  interface Factory {
    SSLContext create() throws IOException;
  }

  private final Factory factory;
  private SSLContext context;

  TlsSource(Factory factory) {
    this.factory = factory;
  }

  /** The context, built on the first call; a failure is thrown again on every call. */
  synchronized SSLContext get() throws IOException {
    if (context == null) context = factory.create();
    return context;
  }
}
